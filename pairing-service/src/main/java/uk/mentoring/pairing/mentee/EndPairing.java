package uk.mentoring.pairing.mentee;

import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.mentoring.contracts.pairing.PairingEndReason;
import uk.mentoring.pairing.AggregateIds;

public record EndPairing(UUID menteeId, UUID pairingId, PairingEndReason reason, LocalDate endedOn) {

    @TargetAggregateIdentifier
    public String target() {
        return AggregateIds.mentee(menteeId);
    }
}
