package uk.mentoring.contracts.pairing;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import uk.mentoring.contracts.MentoringEvent;
import uk.mentoring.contracts.SupportLevel;

/**
 * The mentor changed how much support the mentee gets. Every pairing starts INTENSIVE. Stepping
 * down needs no reason; stepping back up always has one ({@code increaseReason}, else null).
 */
public record SupportLevelChanged(
        UUID pairingId,
        UUID schoolId,
        UUID mentorId,
        UUID menteeId,
        SupportLevel from,
        SupportLevel to,
        SupportIncreaseReason increaseReason,
        LocalDate changedOn) implements MentoringEvent {

    @Override
    public UUID subject() {
        return pairingId;
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
