package uk.mentoring.meeting.diary;

import java.util.UUID;

/** The pairing a record belongs to, as the pairing topic told this service. */
public record Pairing(UUID pairingId, UUID schoolId, UUID mentorId, UUID menteeId) {
}
