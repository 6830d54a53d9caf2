package uk.mentoring.pairing.mentee;

import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.mentoring.contracts.SupportLevel;
import uk.mentoring.contracts.pairing.SupportIncreaseReason;
import uk.mentoring.pairing.AggregateIds;

public record ChangeSupportLevel(UUID menteeId, UUID pairingId, SupportLevel level, SupportIncreaseReason increaseReason, LocalDate changedOn) {

    @TargetAggregateIdentifier
    public String target() {
        return AggregateIds.mentee(menteeId);
    }
}
