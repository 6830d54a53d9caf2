package uk.mentoring.contracts.meeting;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import uk.mentoring.contracts.MentoringEvent;

/** The mentor booked a meeting of the pairing: when, for how long and in which room. */
public record MeetingScheduled(
        UUID meetingId,
        UUID pairingId,
        UUID schoolId,
        UUID mentorId,
        UUID menteeId,
        Instant scheduledFor,
        int durationMinutes,
        String room) implements MentoringEvent {

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
