package uk.mentoring.contracts.meeting;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import uk.mentoring.contracts.MentoringEvent;

/** A scheduled meeting was called off before it took place. */
public record MeetingCancelled(
        UUID meetingId,
        UUID pairingId,
        UUID schoolId,
        UUID mentorId,
        UUID menteeId,
        Instant scheduledFor,
        CancellationReason reason,
        Instant cancelledAt) implements MentoringEvent {

    @Override
    public UUID subject() {
        return meetingId;
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
