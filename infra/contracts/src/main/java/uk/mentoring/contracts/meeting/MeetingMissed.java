package uk.mentoring.contracts.meeting;

import java.time.Instant;
import java.util.UUID;

import uk.mentoring.contracts.WithinPairing;

/**
 * A scheduled meeting was neither held nor cancelled by the end of the day it was due: noticed by
 * the platform.
 */
public record MeetingMissed(
        UUID meetingId,
        UUID pairingId,
        UUID schoolId,
        UUID mentorId,
        UUID menteeId,
        Instant scheduledFor) implements WithinPairing {

    @Override
    public UUID subject() {
        return meetingId;
    }
}
