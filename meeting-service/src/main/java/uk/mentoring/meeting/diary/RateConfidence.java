package uk.mentoring.meeting.diary;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The mentee's own rating of how confident they felt at a meeting held, from 1 to 5. */
public record RateConfidence(UUID pairingId, UUID meetingId, int confidence, Instant ratedAt) {

    @TargetAggregateIdentifier
    public String target() {
        return MeetingDiary.idOf(pairingId);
    }
}
