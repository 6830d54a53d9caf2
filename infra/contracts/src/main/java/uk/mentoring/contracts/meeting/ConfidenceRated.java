package uk.mentoring.contracts.meeting;

import java.time.Instant;
import java.util.UUID;

import uk.mentoring.contracts.WithinPairing;

/**
 * The mentee rated for themself how confident they felt at a meeting held, from 1 to 5.
 * It stands in place of the rating the mentor recorded with the meeting; rated again, the latest
 * rating stands.
 */
public record ConfidenceRated(
        UUID meetingId,
        UUID pairingId,
        UUID schoolId,
        UUID mentorId,
        UUID menteeId,
        int confidence,
        Instant ratedAt) implements WithinPairing {

    @Override
    public UUID subject() {
        return meetingId;
    }
}
