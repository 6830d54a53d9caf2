package uk.mentoring.contracts.pairing;

import java.time.LocalDate;
import java.util.UUID;

import uk.mentoring.contracts.WithinPairing;

/** A pairing came to an end; the mentee may be paired again and keeps their history. */
public record PairingEnded(
        UUID pairingId,
        UUID schoolId,
        UUID mentorId,
        UUID menteeId,
        PairingEndReason reason,
        LocalDate endedOn) implements WithinPairing {
}
