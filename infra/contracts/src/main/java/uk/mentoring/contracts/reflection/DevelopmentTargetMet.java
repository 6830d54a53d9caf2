package uk.mentoring.contracts.reflection;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import uk.mentoring.contracts.MentoringEvent;

/** A development target was met. */
public record DevelopmentTargetMet(
        UUID targetId,
        UUID pairingId,
        UUID schoolId,
        UUID mentorId,
        UUID menteeId,
        LocalDate metOn) implements MentoringEvent {

    @Override
    public UUID subject() {
        return targetId;
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
