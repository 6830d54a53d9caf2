package uk.mentoring.meeting.diary;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ScheduleMeeting(Pairing pairing, UUID meetingId, Instant scheduledFor, int durationMinutes, String room) {

    @TargetAggregateIdentifier
    public String target() {
        return MeetingDiary.idOf(pairing.pairingId());
    }
}
