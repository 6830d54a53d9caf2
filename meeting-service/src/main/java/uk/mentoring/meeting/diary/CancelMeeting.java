package uk.mentoring.meeting.diary;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.mentoring.contracts.meeting.CancellationReason;

public record CancelMeeting(UUID pairingId, UUID meetingId, CancellationReason reason, Instant cancelledAt) {

    @TargetAggregateIdentifier
    public String target() {
        return MeetingDiary.idOf(pairingId);
    }
}
