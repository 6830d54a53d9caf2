package uk.mentoring.contracts.reflection;

import java.time.LocalDate;
import java.util.UUID;

import uk.mentoring.contracts.PersonalData;
import uk.mentoring.contracts.WithinPairing;

/**
 * An area to develop was set as a target. {@code identifiedBy} says who saw the need: a mentee who
 * names their own targets is becoming an independent professional.
 */
public record DevelopmentTargetSet(
        UUID targetId,
        UUID pairingId,
        UUID schoolId,
        UUID mentorId,
        UUID menteeId,
        @PersonalData String area,
        IdentifiedBy identifiedBy,
        LocalDate setOn) implements WithinPairing {

    @Override
    public UUID subject() {
        return targetId;
    }
}
