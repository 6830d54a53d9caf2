package uk.mentoring.contracts.meeting;

import java.time.Instant;
import java.util.UUID;

import uk.mentoring.contracts.PersonalData;
import uk.mentoring.contracts.WithinPairing;

/** The mentor gave feedback on an observed lesson. */
public record FeedbackGiven(
        UUID observationId,
        UUID pairingId,
        UUID schoolId,
        UUID mentorId,
        UUID menteeId,
        @PersonalData String feedback,
        Instant givenAt) implements WithinPairing {

    @Override
    public UUID subject() {
        return observationId;
    }
}
