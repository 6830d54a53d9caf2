package uk.mentoring.contracts.reflection;

import java.time.LocalDate;
import java.util.UUID;

import uk.mentoring.contracts.WithinPairing;

/** A development target was met. */
public record DevelopmentTargetMet(
        UUID targetId,
        UUID pairingId,
        UUID schoolId,
        UUID mentorId,
        UUID menteeId,
        LocalDate metOn) implements WithinPairing {

    @Override
    public UUID subject() {
        return targetId;
    }
}
