package uk.mentoring.contracts.pairing;

import java.time.LocalDate;
import java.util.UUID;

import uk.mentoring.contracts.WithinPairing;
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
        LocalDate changedOn) implements WithinPairing {
}
