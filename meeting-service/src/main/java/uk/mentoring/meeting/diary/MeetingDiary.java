package uk.mentoring.meeting.diary;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import uk.mentoring.contracts.meeting.ConfidenceRated;
import uk.mentoring.contracts.meeting.MeetingCancelled;
import uk.mentoring.contracts.meeting.MeetingHeld;
import uk.mentoring.contracts.meeting.MeetingMissed;
import uk.mentoring.contracts.meeting.MeetingScheduled;
import uk.mentoring.kit.domain.RuleViolation;
import uk.mentoring.kit.domain.SchoolTime;

/**
 * The meetings of one pairing: scheduled, then held, cancelled or missed, and the mentee's own
 * rating of how confident they felt at each one held. The diary is the boundary that knows whether
 * a meeting is the pairing's first, so that is never taken on trust.
 */
@Aggregate(cache = "aggregateCache")
public class MeetingDiary {

    @AggregateIdentifier
    private String id;
    private Pairing pairing;
    private final Map<UUID, Meeting> meetings = new LinkedHashMap<>();
    /** When the earliest meeting recorded as held took place: the one a later record must come before to be the first. */
    private Instant firstHeldAt;
    /** When each meeting recorded as held began, to the minute, and how many minutes it lasted: a mentor and mentee hold one meeting at a time. */
    private final Map<Instant, Integer> heldTimes = new HashMap<>();

    private enum Status { SCHEDULED, HELD, CANCELLED, MISSED }

    /**
     * {@code arrangedAt} is when the meeting was put in the diary; {@code ownRating} is the mentee's
     * own rating of their confidence, once they have given one, and {@code ratedAt} when.
     */
    private record Meeting(Instant scheduledFor, Instant arrangedAt, Status status, Integer ownRating, Instant ratedAt) {
        Meeting with(Status next) {
            return new Meeting(scheduledFor, arrangedAt, next, ownRating, ratedAt);
        }

        Meeting ratedByTheMentee(int confidence, Instant at) {
            return new Meeting(scheduledFor, arrangedAt, status, confidence, at);
        }

        /**
         * The first day it can have been held: the day it was put in the diary, or the day it was
         * for if that was earlier (a meeting recorded after it happened). It may be brought forward,
         * but not to before anyone had arranged it.
         */
        LocalDate earliestDay() {
            Instant earliest = arrangedAt == null || scheduledFor.isBefore(arrangedAt) ? scheduledFor : arrangedAt;
            return earliest.atZone(SchoolTime.ZONE).toLocalDate();
        }
    }

    protected MeetingDiary() {
        // rebuilt from its events
    }

    public static String idOf(UUID pairingId) {
        return "meetings:" + pairingId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ScheduleMeeting command, RecordingWindow window, DeadlineManager deadlines) {
        if (meetings.containsKey(command.meetingId())) {
            throw RuleViolation.conflict("meeting-exists", "Meeting already in the diary", "Meeting " + command.meetingId() + " is already scheduled.");
        }
        boolean clash = meetings.values().stream()
                .anyMatch(meeting -> meeting.status() == Status.SCHEDULED && meeting.scheduledFor().equals(command.scheduledFor()));
        if (clash) {
            throw RuleViolation.conflict("meeting-already-scheduled", "A meeting is already booked then",
                    "The pairing already has a meeting scheduled for " + command.scheduledFor() + ".");
        }
        Pairing p = command.pairing();
        apply(new MeetingScheduled(command.meetingId(), p.pairingId(), p.schoolId(), p.mentorId(), p.menteeId(),
                command.scheduledFor(), command.durationMinutes(), command.room().strip()));
        deadlines.schedule(window.dueBy(command.scheduledFor(), GenericEventMessage.clock.instant()), MeetingDue.DEADLINE, new MeetingDue(command.meetingId()));
    }

    @CommandHandler
    void handle(HoldMeeting command) {
        Meeting meeting = existing(command.meetingId());
        switch (meeting.status()) {
            case HELD -> throw RuleViolation.conflict("meeting-already-held", "Meeting already held",
                    "Meeting " + command.meetingId() + " has already been recorded as held.");
            case CANCELLED -> throw RuleViolation.conflict("meeting-cancelled", "Meeting was cancelled",
                    "Meeting " + command.meetingId() + " was cancelled; schedule a new one.");
            default -> { } // a meeting noticed as missed may still be recorded late, and the history shows both
        }
        requireConfidence("menteeConfidence", command.menteeConfidence());
        LocalDate heldOn = command.heldAt().atZone(SchoolTime.ZONE).toLocalDate();
        if (heldOn.isBefore(meeting.earliestDay())) {
            // most often a slip of the month; recorded, it would become the pairing's first meeting and move its figures
            throw RuleViolation.unprocessable("held-before-arranged", "Held before it was arranged",
                    "Meeting " + command.meetingId() + " was arranged on " + meeting.arrangedAt().atZone(SchoolTime.ZONE).toLocalDate() + " for "
                            + meeting.scheduledFor().atZone(SchoolTime.ZONE).toLocalDate() + "; it cannot have been held on " + heldOn
                            + ". Check heldAt; a meeting held on " + heldOn + " is a meeting of its own: schedule it for then, and record it as held.");
        }
        Instant start = command.heldAt().truncatedTo(ChronoUnit.MINUTES);
        Instant end = start.plus(command.durationMinutes(), ChronoUnit.MINUTES);
        heldTimes.entrySet().stream()
                .filter(held -> held.getKey().isBefore(end) && start.isBefore(held.getKey().plus(held.getValue(), ChronoUnit.MINUTES)))
                .findFirst()
                .ifPresent(held -> {
                    throw RuleViolation.conflict("meeting-already-held-then", "A meeting was already held then",
                            "Another meeting of this pairing is recorded as held from " + held.getKey() + " for " + held.getValue()
                                    + " minutes; a meeting recorded twice would count twice. Cancel this one if it was the same meeting.");
                });
        apply(new MeetingHeld(command.meetingId(), pairing.pairingId(), pairing.schoolId(), pairing.mentorId(), pairing.menteeId(),
                command.heldAt(), command.durationMinutes(), firstHeldAt == null || command.heldAt().isBefore(firstHeldAt), command.quietRoomBooked(),
                command.topics().stream().map(String::strip).toList(), command.agreedActions().stream().map(String::strip).toList(),
                command.menteeConfidence()));
    }

    /**
     * The mentee says how confident they felt, in place of what the mentor wrote down for them.
     * Given again with the same rating, nothing new is recorded; with another, the latest stands.
     * Readers take the latest by {@code ratedAt}, so each rating is dated after the one before it,
     * even when two arrive at once or from instances whose clocks differ.
     */
    @CommandHandler
    void handle(RateConfidence command) {
        Meeting meeting = existing(command.meetingId());
        switch (meeting.status()) {
            case SCHEDULED, MISSED -> throw RuleViolation.conflict("meeting-not-held", "Meeting not recorded as held yet",
                    "Your mentor has not recorded meeting " + command.meetingId() + " as held yet; you can rate your confidence once they have.");
            case CANCELLED -> throw RuleViolation.conflict("meeting-cancelled", "Meeting was cancelled",
                    "Meeting " + command.meetingId() + " was cancelled, so there is no meeting to rate.");
            default -> { }
        }
        requireConfidence("confidence", command.confidence());
        if (Integer.valueOf(command.confidence()).equals(meeting.ownRating())) {
            return;
        }
        Instant ratedAt = meeting.ratedAt() == null || command.ratedAt().isAfter(meeting.ratedAt())
                ? command.ratedAt() : meeting.ratedAt().plusMillis(1);
        apply(new ConfidenceRated(command.meetingId(), pairing.pairingId(), pairing.schoolId(), pairing.mentorId(), pairing.menteeId(),
                command.confidence(), ratedAt));
    }

    /**
     * A meeting is cancelled before it falls due, or afterwards, once the platform has noticed it as
     * missed: a cancellation recorded late, like a meeting recorded as held late, and the history
     * shows both.
     */
    @CommandHandler
    void handle(CancelMeeting command) {
        Meeting meeting = existing(command.meetingId());
        switch (meeting.status()) {
            case HELD -> throw RuleViolation.conflict("meeting-not-scheduled", "The meeting was held",
                    "Meeting " + command.meetingId() + " is recorded as held, so it cannot be cancelled. If it did not take place, it was"
                            + " recorded against the wrong meeting: tell your school lead.");
            case CANCELLED -> throw RuleViolation.conflict("meeting-not-scheduled", "Already cancelled",
                    "Meeting " + command.meetingId() + " is already cancelled.");
            default -> { }
        }
        apply(new MeetingCancelled(command.meetingId(), pairing.pairingId(), pairing.schoolId(), pairing.mentorId(), pairing.menteeId(),
                meeting.scheduledFor(), command.reason(), command.cancelledAt()));
    }

    /**
     * Neither held nor cancelled in time: the platform notices, so nobody has to. A meeting that
     * fell due after its pairing ended lapses with the pairing: nobody was to hold it, and nothing
     * dated after a pairing's end can be recorded in it.
     */
    @DeadlineHandler(deadlineName = MeetingDue.DEADLINE)
    void on(MeetingDue due, PairingEnds ends) {
        Meeting meeting = meetings.get(due.meetingId());
        LocalDate dueOn = meeting == null ? null : meeting.scheduledFor().atZone(SchoolTime.ZONE).toLocalDate();
        boolean lapsed = meeting != null && ends.endedOn(pairing.pairingId()).filter(endedOn -> dueOn.isAfter(endedOn)).isPresent();
        if (meeting != null && meeting.status() == Status.SCHEDULED && !lapsed) {
            apply(new MeetingMissed(due.meetingId(), pairing.pairingId(), pairing.schoolId(), pairing.mentorId(), pairing.menteeId(),
                    meeting.scheduledFor()));
        }
    }

    private static void requireConfidence(String field, int confidence) {
        if (confidence < 1 || confidence > 5) {
            throw RuleViolation.unprocessable("confidence-out-of-range", "Confidence is rated 1 to 5",
                    field + " must be between 1 and 5; got " + confidence + ".");
        }
    }

    private Meeting existing(UUID meetingId) {
        Meeting meeting = meetings.get(meetingId);
        if (meeting == null) {
            throw RuleViolation.notFound("Meeting", meetingId);
        }
        return meeting;
    }

    @EventSourcingHandler
    void on(MeetingScheduled event, @Timestamp Instant arrangedAt) {
        id = idOf(event.pairingId());
        pairing = new Pairing(event.pairingId(), event.schoolId(), event.mentorId(), event.menteeId());
        meetings.put(event.meetingId(), new Meeting(event.scheduledFor(), arrangedAt, Status.SCHEDULED, null, null));
    }

    @EventSourcingHandler
    void on(MeetingHeld event) {
        meetings.computeIfPresent(event.meetingId(), (meetingId, meeting) -> meeting.with(Status.HELD));
        heldTimes.merge(event.heldAt().truncatedTo(ChronoUnit.MINUTES), event.durationMinutes(), Math::max);
        if (firstHeldAt == null || event.heldAt().isBefore(firstHeldAt)) {
            firstHeldAt = event.heldAt();
        }
    }

    @EventSourcingHandler
    void on(ConfidenceRated event) {
        meetings.computeIfPresent(event.meetingId(), (meetingId, meeting) -> meeting.ratedByTheMentee(event.confidence(), event.ratedAt()));
    }

    @EventSourcingHandler
    void on(MeetingCancelled event) {
        meetings.computeIfPresent(event.meetingId(), (meetingId, meeting) -> meeting.with(Status.CANCELLED));
    }

    @EventSourcingHandler
    void on(MeetingMissed event) {
        meetings.computeIfPresent(event.meetingId(), (meetingId, meeting) -> meeting.with(Status.MISSED));
    }
}
