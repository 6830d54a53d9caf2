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

    /** How it ended: on {@code endedOn}, or called off before it began, on the day it was to start. */
    public record Ended(UUID pairingId, LocalDate endedOn, boolean calledOff) {
    }
}
