package uk.mentoring.contracts.reflection;

import java.time.Instant;
import java.util.UUID;

import uk.mentoring.contracts.PersonalData;
import uk.mentoring.contracts.ReflectionDepth;
import uk.mentoring.contracts.WithinPairing;

/** The mentor read a reflection, judged its depth and gave feedback. */
public record ReflectionReviewed(
        UUID reflectionId,
        UUID pairingId,
        UUID schoolId,
        UUID mentorId,
        UUID menteeId,
        ReflectionDepth assessedDepth,
        @PersonalData String feedback,
        Instant reviewedAt) implements WithinPairing {

    @Override
    public UUID subject() {
        return reflectionId;
    }
}
