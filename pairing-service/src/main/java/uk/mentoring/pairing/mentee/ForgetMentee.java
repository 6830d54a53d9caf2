package uk.mentoring.pairing.mentee;

import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.mentoring.pairing.AggregateIds;

/** Forget a mentee at their request: their history stays, their personal data becomes unreadable. */
public record ForgetMentee(UUID menteeId, LocalDate forgottenOn) {

    @TargetAggregateIdentifier
    public String target() {
        return AggregateIds.mentee(menteeId);
    }
}
