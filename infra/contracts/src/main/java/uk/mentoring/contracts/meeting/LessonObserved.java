package uk.mentoring.contracts.meeting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import uk.mentoring.contracts.PersonalData;
import uk.mentoring.contracts.WithinPairing;

/**
 * The mentor observed the mentee teach: the focus, what went well, what to develop. Emerging needs
 * are found this way.
 */
public record LessonObserved(
        UUID observationId,
        UUID pairingId,
        UUID schoolId,
        UUID mentorId,
        UUID menteeId,
        Instant observedAt,
        @PersonalData String focus,
        @PersonalData List<String> strengths,
        @PersonalData List<String> developmentPoints) implements WithinPairing {

    public LessonObserved {
        strengths = strengths == null ? List.of() : List.copyOf(strengths);
        developmentPoints = developmentPoints == null ? List.of() : List.copyOf(developmentPoints);
    }

    @Override
    public UUID subject() {
        return observationId;
    }
}
