package uk.mentoring.contracts.meeting;

import java.time.Instant;
import java.util.UUID;

import uk.mentoring.contracts.WithinPairing;

/** The mentor booked a meeting of the pairing: when, for how long and in which room. */
public record MeetingScheduled(
        UUID meetingId,
        UUID pairingId,
        UUID schoolId,
        UUID mentorId,
        UUID menteeId,
        Instant scheduledFor,
        int durationMinutes,
        String room) implements WithinPairing {

    @Override
    public UUID subject() {
        return meetingId;
    }
}
