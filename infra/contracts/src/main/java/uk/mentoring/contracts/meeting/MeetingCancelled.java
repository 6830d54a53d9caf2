package uk.mentoring.contracts.meeting;

import java.time.Instant;
import java.util.UUID;

import uk.mentoring.contracts.WithinPairing;

/** A scheduled meeting was called off before it took place. */
public record MeetingCancelled(
        UUID meetingId,
        UUID pairingId,
        UUID schoolId,
        UUID mentorId,
        UUID menteeId,
        Instant scheduledFor,
        CancellationReason reason,
        Instant cancelledAt) implements WithinPairing {

    @Override
    public UUID subject() {
        return meetingId;
    }
}
