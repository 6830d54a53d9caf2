package uk.mentoring.contracts.meeting;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import uk.mentoring.contracts.MentoringEvent;

/** The mentor gave feedback on an observed lesson. */
public record FeedbackGiven(
        UUID observationId,
        UUID pairingId,
        UUID schoolId,
        UUID mentorId,
        UUID menteeId,
        String feedback,
        Instant givenAt) implements MentoringEvent {

    @Override
    public UUID subject() {
        return observationId;
    }

    @Override
    public Optional<UUID> school() {
        return Optional.of(schoolId);
    }

    @Override
    public Optional<UUID> mentee() {
        return Optional.of(menteeId);
    }
}
