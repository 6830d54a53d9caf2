package uk.mentoring.pairing.mentor;

import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.mentoring.pairing.AggregateIds;

/** Both dates empty: the mentor is available again. */
public record ChangeMentorAvailability(UUID mentorId, LocalDate unavailableFrom, LocalDate unavailableTo) {

    @TargetAggregateIdentifier
    public String target() {
        return AggregateIds.mentor(mentorId);
    }
}
