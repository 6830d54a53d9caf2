package uk.mentoring.meeting.diary;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import uk.mentoring.contracts.meeting.CancellationReason;
import uk.mentoring.contracts.meeting.ConfidenceRated;
import uk.mentoring.contracts.meeting.MeetingCancelled;
import uk.mentoring.contracts.meeting.MeetingHeld;
import uk.mentoring.contracts.meeting.MeetingMissed;
import uk.mentoring.contracts.meeting.MeetingScheduled;

/**
 * A meeting as its pairing's diary recorded it, for the mentor and the mentee to read back: when
 * and where, and once held, what they talked about and agreed to do. Read from the pairing's
 * diary, its personal fields opened, or erased once the mentee has been forgotten.
 */
@Component
public class MeetingsAsRecorded {

    private final EventStore events;

    MeetingsAsRecorded(EventStore events) {
        this.events = events;
    }

    public Optional<RecordedMeeting> find(UUID pairingId, UUID meetingId) {
        RecordedMeeting[] read = new RecordedMeeting[1];
        Instant[] earliestHeld = new Instant[1];
        events.readEvents(MeetingDiary.idOf(pairingId)).asStream().forEach(event -> {
            Object payload = event.getPayload();
            if (payload instanceof MeetingHeld held && (earliestHeld[0] == null || held.heldAt().isBefore(earliestHeld[0]))) {
                earliestHeld[0] = held.heldAt();
            }
            if (payload instanceof MeetingScheduled scheduled && scheduled.meetingId().equals(meetingId)) {
                read[0] = new RecordedMeeting(meetingId, pairingId, State.SCHEDULED, scheduled.scheduledFor(), scheduled.durationMinutes(), scheduled.room(),
                        null, null, null, List.of(), List.of(), null, null, null, null);
            } else if (read[0] == null) {
                return;
            } else if (payload instanceof MeetingHeld held && held.meetingId().equals(meetingId)) {
                RecordedMeeting m = read[0];
                read[0] = new RecordedMeeting(meetingId, pairingId, State.HELD, m.scheduledFor(), held.durationMinutes(), m.room(), held.heldAt(),
                        held.firstMeeting(), held.quietRoomBooked(), held.topics(), held.agreedActions(), held.menteeConfidence(), m.ownRating(), null, null);
            } else if (payload instanceof ConfidenceRated rated && rated.meetingId().equals(meetingId)) {
                RecordedMeeting m = read[0];
                read[0] = new RecordedMeeting(meetingId, pairingId, m.state(), m.scheduledFor(), m.durationMinutes(), m.room(), m.heldAt(),
                        m.firstMeeting(), m.quietRoomBooked(), m.topics(), m.agreedActions(), m.confidenceRecorded(), rated.confidence(), null, null);
            } else if (payload instanceof MeetingCancelled cancelled && cancelled.meetingId().equals(meetingId)) {
                RecordedMeeting m = read[0];
                read[0] = new RecordedMeeting(meetingId, pairingId, State.CANCELLED, m.scheduledFor(), m.durationMinutes(), m.room(), null, null, null,
                        List.of(), List.of(), null, null, cancelled.reason(), cancelled.cancelledAt());
            } else if (payload instanceof MeetingMissed missed && missed.meetingId().equals(meetingId) && read[0].state() == State.SCHEDULED) {
                RecordedMeeting m = read[0];
                read[0] = new RecordedMeeting(meetingId, pairingId, State.MISSED, m.scheduledFor(), m.durationMinutes(), m.room(), null, null, null,
                        List.of(), List.of(), null, null, null, null);
            }
        });
        RecordedMeeting m = read[0];
        if (m != null && m.state() == State.HELD) {
            // the first meeting is the earliest held as the diary stands now: one recorded late that took place before it takes its place
            read[0] = new RecordedMeeting(meetingId, pairingId, m.state(), m.scheduledFor(), m.durationMinutes(), m.room(), m.heldAt(),
                    !m.heldAt().isAfter(earliestHeld[0]), m.quietRoomBooked(), m.topics(), m.agreedActions(), m.confidenceRecorded(), m.ownRating(), null, null);
        }
        return Optional.ofNullable(read[0]);
    }

    /** Missed is what the platform called a meeting neither held nor cancelled in time; recorded late, it is held. */
    public enum State { SCHEDULED, HELD, CANCELLED, MISSED }

    /**
     * @param confidenceRecorded the mentee's confidence as the mentor wrote it down with the meeting
     * @param ownRating          the mentee's own rating, once they have given one: it stands in place of the one recorded
     */
    public record RecordedMeeting(UUID meetingId, UUID pairingId, State state, Instant scheduledFor, int durationMinutes, String room,
                                  Instant heldAt, Boolean firstMeeting, Boolean quietRoomBooked, List<String> topics, List<String> agreedActions,
                                  Integer confidenceRecorded, Integer ownRating, CancellationReason cancellationReason, Instant cancelledAt) {
    }
}
