package uk.mentoring.meeting.diary;

import java.util.UUID;

import uk.mentoring.kit.pairings.PairingDirectory;

/** The pairing a record belongs to, as the pairing topic told this service. */
public record Pairing(UUID pairingId, UUID schoolId, UUID mentorId, UUID menteeId) {

    public static Pairing of(PairingDirectory.KnownPairing known) {
        return new Pairing(known.pairingId(), known.schoolId(), known.mentorId(), known.menteeId());
    }
}
