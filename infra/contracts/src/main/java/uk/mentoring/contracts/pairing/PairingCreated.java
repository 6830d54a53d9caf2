package uk.mentoring.contracts.pairing;

import java.time.LocalDate;
import java.util.UUID;

import uk.mentoring.contracts.MenteeStage;
import uk.mentoring.contracts.WithinPairing;

/**
 * A mentor of a school was paired with a mentee of the same school. {@code pairedOn} is the day
 * the mentoring starts; {@code stage} is the mentee's stage for this pairing.
 */
public record PairingCreated(
        UUID pairingId,
        UUID schoolId,
        UUID mentorId,
        UUID menteeId,
        MenteeStage stage,
        LocalDate pairedOn) implements WithinPairing {
}
