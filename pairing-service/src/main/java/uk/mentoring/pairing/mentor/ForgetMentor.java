package uk.mentoring.pairing.mentor;

import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.mentoring.pairing.AggregateIds;

/** Forget a mentor at their request: their history stays, their personal data becomes unreadable. */
public record ForgetMentor(UUID mentorId, LocalDate forgottenOn) {

    @TargetAggregateIdentifier
    public String target() {
        return AggregateIds.mentor(mentorId);
    }
}
