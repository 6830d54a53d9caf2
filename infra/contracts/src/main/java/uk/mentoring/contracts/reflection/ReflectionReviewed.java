package uk.mentoring.contracts.reflection;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import uk.mentoring.contracts.MentoringEvent;
import uk.mentoring.contracts.ReflectionDepth;

/** The mentor read a reflection, judged its depth and gave feedback. */
public record ReflectionReviewed(
        UUID reflectionId,
        UUID pairingId,
        UUID schoolId,
        UUID mentorId,
        UUID menteeId,
        ReflectionDepth assessedDepth,
        String feedback,
        Instant reviewedAt) implements MentoringEvent {

    @Override
    public UUID subject() {
        return reflectionId;
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
