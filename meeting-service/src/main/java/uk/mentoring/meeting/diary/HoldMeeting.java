package uk.mentoring.meeting.diary;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record HoldMeeting(UUID pairingId, UUID meetingId, Instant heldAt, int durationMinutes, boolean quietRoomBooked,
                          List<String> topics, List<String> agreedActions, int menteeConfidence) {

    @TargetAggregateIdentifier
    public String target() {
        return MeetingDiary.idOf(pairingId);
    }
}
