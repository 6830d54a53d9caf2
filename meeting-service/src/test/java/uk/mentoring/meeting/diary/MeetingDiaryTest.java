package uk.mentoring.meeting.diary;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import uk.mentoring.contracts.meeting.CancellationReason;
import uk.mentoring.contracts.meeting.ConfidenceRated;
import uk.mentoring.contracts.meeting.MeetingCancelled;
import uk.mentoring.contracts.meeting.MeetingHeld;
import uk.mentoring.contracts.meeting.MeetingMissed;
import uk.mentoring.contracts.meeting.MeetingScheduled;
import uk.mentoring.kit.domain.RuleViolation;
import uk.mentoring.kit.domain.SchoolTime;

class MeetingDiaryTest {

    static final Pairing PAIRING = new Pairing(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    static final UUID FIRST = UUID.randomUUID();
    static final UUID SECOND = UUID.randomUUID();

    FixtureConfiguration<MeetingDiary> fixture;
    Instant tuesday;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MeetingDiary.class);
        fixture.registerInjectableResource(new RecordingWindow(Duration.ofDays(1)));
        fixture.registerInjectableResource((PairingEnds) pairingId -> Optional.empty());
        tuesday = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
    }

    @Test
    void a_meeting_is_scheduled_and_watched_for_being_missed() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleMeeting(PAIRING, FIRST, tuesday, 45, " Library quiet room "))
                .expectEvents(scheduled(FIRST, tuesday))
                .expectScheduledDeadlineWithName(deadlineOf(tuesday), MeetingDue.DEADLINE);
    }

    @Test
    void the_first_meeting_held_is_the_first_meeting_and_the_next_is_not() {
        fixture.given(scheduled(FIRST, tuesday), scheduled(SECOND, tuesday.plus(Duration.ofDays(7))))
                .when(hold(FIRST, 3))
                .expectEvents(held(FIRST, true, 3));
        Instant aWeekLater = tuesday.plus(Duration.ofDays(7));
        fixture.given(scheduled(FIRST, tuesday), scheduled(SECOND, aWeekLater), held(FIRST, true, 3))
                .when(new HoldMeeting(PAIRING.pairingId(), SECOND, aWeekLater, 50, true, List.of("Seating"), List.of(), 4))
                .expectEvents(new MeetingHeld(SECOND, PAIRING.pairingId(), PAIRING.schoolId(), PAIRING.mentorId(), PAIRING.menteeId(), aWeekLater,
                        50, false, true, List.of("Seating"), List.of(), 4));
    }

    @Test
    void two_meetings_are_not_held_at_the_same_time() {
        fixture.given(scheduled(FIRST, tuesday), scheduled(SECOND, tuesday.plus(Duration.ofDays(7))), held(FIRST, true, 3))
                .when(new HoldMeeting(PAIRING.pairingId(), SECOND, tuesday.plusSeconds(20), 50, true, List.of(), List.of(), 4))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Another meeting of this pairing is recorded as held from " + tuesday
                        + " for 50 minutes; a meeting recorded twice would count twice. Cancel this one if it was the same meeting.")
                .expectNoEvents();
        // the first lasted 50 minutes: ten minutes in, it was still going on
        fixture.given(scheduled(FIRST, tuesday), scheduled(SECOND, tuesday.plus(Duration.ofDays(7))), held(FIRST, true, 3))
                .when(new HoldMeeting(PAIRING.pairingId(), SECOND, tuesday.plus(Duration.ofMinutes(10)), 45, true, List.of(), List.of(), 4))
                .expectException(RuleViolation.class)
                .expectNoEvents();
        fixture.given(scheduled(FIRST, tuesday), scheduled(SECOND, tuesday.plus(Duration.ofDays(7))), held(FIRST, true, 3))
                .when(new HoldMeeting(PAIRING.pairingId(), SECOND, tuesday.minus(Duration.ofMinutes(30)), 25, true, List.of(), List.of(), 4))
                .expectEvents(new MeetingHeld(SECOND, PAIRING.pairingId(), PAIRING.schoolId(), PAIRING.mentorId(), PAIRING.menteeId(),
                        tuesday.minus(Duration.ofMinutes(30)), 25, true, true, List.of(), List.of(), 4));
        fixture.given(scheduled(FIRST, tuesday), scheduled(SECOND, tuesday.plus(Duration.ofDays(7))), held(FIRST, true, 3))
                .when(new HoldMeeting(PAIRING.pairingId(), SECOND, tuesday.plus(Duration.ofMinutes(50)), 30, true, List.of(), List.of(), 4))
                .expectEvents(new MeetingHeld(SECOND, PAIRING.pairingId(), PAIRING.schoolId(), PAIRING.mentorId(), PAIRING.menteeId(),
                        tuesday.plus(Duration.ofMinutes(50)), 30, false, true, List.of(), List.of(), 4));
    }

    @Test
    void a_meeting_is_not_held_before_anyone_arranged_it() {
        // arranged today for Tuesday: held today (brought forward) it may be, but not in September
        Instant september = tuesday.minus(Duration.ofDays(80));
        fixture.given(scheduled(FIRST, tuesday))
                .when(new HoldMeeting(PAIRING.pairingId(), FIRST, september, 45, true, List.of(), List.of(), 3))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Meeting " + FIRST + " was arranged on " + SchoolTime.today() + " for " + tuesday.atZone(SchoolTime.ZONE).toLocalDate()
                        + "; it cannot have been held on " + september.atZone(SchoolTime.ZONE).toLocalDate() + ". Check heldAt; a meeting held on "
                        + september.atZone(SchoolTime.ZONE).toLocalDate() + " is a meeting of its own: schedule it for then, and record it as held.")
                .expectNoEvents();
        Instant today = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        fixture.given(scheduled(FIRST, tuesday))
                .when(new HoldMeeting(PAIRING.pairingId(), FIRST, today, 45, true, List.of(), List.of(), 3))
                .expectEvents(new MeetingHeld(FIRST, PAIRING.pairingId(), PAIRING.schoolId(), PAIRING.mentorId(), PAIRING.menteeId(), today,
                        45, true, true, List.of(), List.of(), 3));
    }

    @Test
    void a_missed_meeting_may_still_be_recorded_as_cancelled_late_and_a_held_one_not_at_all() {
        MeetingMissed missed = new MeetingMissed(FIRST, PAIRING.pairingId(), PAIRING.schoolId(), PAIRING.mentorId(), PAIRING.menteeId(), tuesday);
        fixture.given(scheduled(FIRST, tuesday), missed)
                .when(new CancelMeeting(PAIRING.pairingId(), FIRST, CancellationReason.SCHOOL_EVENT, tuesday.minus(Duration.ofDays(1))))
                .expectEvents(cancelled(FIRST));
        fixture.given(scheduled(FIRST, tuesday), held(FIRST, true, 3))
                .when(new CancelMeeting(PAIRING.pairingId(), FIRST, CancellationReason.OTHER, tuesday))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Meeting " + FIRST + " is recorded as held, so it cannot be cancelled. If it did not take place, it was"
                        + " recorded against the wrong meeting: tell your school lead.")
                .expectNoEvents();
    }

    @Test
    void a_meeting_recorded_late_that_took_place_before_the_first_recorded_is_the_first() {
        Instant aWeekBefore = tuesday.minus(Duration.ofDays(7));
        HoldMeeting earlier = new HoldMeeting(PAIRING.pairingId(), SECOND, aWeekBefore, 40, false, List.of("Introductions"), List.of(), 2);
        fixture.given(scheduled(FIRST, tuesday), scheduled(SECOND, aWeekBefore), held(FIRST, true, 3))
                .when(earlier)
                .expectEvents(new MeetingHeld(SECOND, PAIRING.pairingId(), PAIRING.schoolId(), PAIRING.mentorId(), PAIRING.menteeId(), aWeekBefore,
                        40, true, false, List.of("Introductions"), List.of(), 2));
    }

    @Test
    void a_meeting_is_held_once() {
        fixture.given(scheduled(FIRST, tuesday), held(FIRST, true, 3))
                .when(hold(FIRST, 4))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Meeting " + FIRST + " has already been recorded as held.")
                .expectNoEvents();
    }

    @Test
    void confidence_is_rated_from_one_to_five() {
        fixture.given(scheduled(FIRST, tuesday))
                .when(hold(FIRST, 6))
                .expectException(RuleViolation.class)
                .expectNoEvents();
        fixture.given(scheduled(FIRST, tuesday))
                .when(hold(FIRST, 0))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void the_mentee_rates_their_own_confidence_at_a_meeting_held_and_may_think_better_of_it() {
        Instant evening = tuesday.plus(Duration.ofHours(5));
        fixture.given(scheduled(FIRST, tuesday), held(FIRST, true, 3))
                .when(new RateConfidence(PAIRING.pairingId(), FIRST, 2, evening))
                .expectEvents(rated(FIRST, 2, evening));
        fixture.given(scheduled(FIRST, tuesday), held(FIRST, true, 3), rated(FIRST, 2, evening))
                .when(new RateConfidence(PAIRING.pairingId(), FIRST, 4, evening.plus(Duration.ofDays(1))))
                .expectEvents(rated(FIRST, 4, evening.plus(Duration.ofDays(1))));
    }

    @Test
    void a_rating_is_dated_after_the_one_before_it_whatever_the_clock_that_stamped_it_said() {
        Instant evening = tuesday.plus(Duration.ofHours(5));
        // stamped a moment earlier by a request that lost the race, or by an instance whose clock is behind
        fixture.given(scheduled(FIRST, tuesday), held(FIRST, true, 3), rated(FIRST, 2, evening))
                .when(new RateConfidence(PAIRING.pairingId(), FIRST, 4, evening.minusMillis(300)))
                .expectEvents(rated(FIRST, 4, evening.plusMillis(1)));
    }

    @Test
    void the_same_rating_given_again_records_nothing_new() {
        Instant evening = tuesday.plus(Duration.ofHours(5));
        fixture.given(scheduled(FIRST, tuesday), held(FIRST, true, 3), rated(FIRST, 2, evening))
                .when(new RateConfidence(PAIRING.pairingId(), FIRST, 2, evening.plus(Duration.ofMinutes(1))))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void confidence_is_rated_only_for_a_meeting_held_and_from_one_to_five() {
        fixture.given(scheduled(FIRST, tuesday))
                .when(new RateConfidence(PAIRING.pairingId(), FIRST, 3, tuesday))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Your mentor has not recorded meeting " + FIRST + " as held yet; you can rate your confidence once they have.")
                .expectNoEvents();
        fixture.given(scheduled(FIRST, tuesday), cancelled(FIRST))
                .when(new RateConfidence(PAIRING.pairingId(), FIRST, 3, tuesday))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Meeting " + FIRST + " was cancelled, so there is no meeting to rate.")
                .expectNoEvents();
        fixture.given(scheduled(FIRST, tuesday), held(FIRST, true, 3))
                .when(new RateConfidence(PAIRING.pairingId(), FIRST, 6, tuesday))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("confidence must be between 1 and 5; got 6.")
                .expectNoEvents();
        fixture.given(scheduled(FIRST, tuesday), held(FIRST, true, 3))
                .when(new RateConfidence(PAIRING.pairingId(), SECOND, 3, tuesday))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_cancelled_meeting_is_not_held() {
        fixture.given(scheduled(FIRST, tuesday), cancelled(FIRST))
                .when(hold(FIRST, 3))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_scheduled_meeting_is_cancelled_once() {
        fixture.given(scheduled(FIRST, tuesday))
                .when(new CancelMeeting(PAIRING.pairingId(), FIRST, CancellationReason.SCHOOL_EVENT, tuesday.minus(Duration.ofDays(1))))
                .expectEvents(cancelled(FIRST));
        fixture.given(scheduled(FIRST, tuesday), cancelled(FIRST))
                .when(new CancelMeeting(PAIRING.pairingId(), FIRST, CancellationReason.OTHER, tuesday))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_meeting_neither_held_nor_cancelled_in_time_is_missed() {
        fixture.givenCommands(new ScheduleMeeting(PAIRING, FIRST, tuesday, 45, "Library quiet room"))
                .whenTimeElapses(Duration.ofDays(5))
                .expectDeadlinesMet(new MeetingDue(FIRST))
                .expectEvents(new MeetingMissed(FIRST, PAIRING.pairingId(), PAIRING.schoolId(), PAIRING.mentorId(), PAIRING.menteeId(), tuesday));
    }

    @Test
    void a_meeting_due_after_its_pairing_ended_lapses_with_it_and_one_due_before_is_missed() {
        LocalDate endedOn = tuesday.atZone(SchoolTime.ZONE).toLocalDate().plusDays(1);
        Instant afterTheEnd = tuesday.plus(Duration.ofDays(7));
        FixtureConfiguration<MeetingDiary> ended = new AggregateTestFixture<>(MeetingDiary.class);
        ended.registerInjectableResource(new RecordingWindow(Duration.ofDays(1)));
        ended.registerInjectableResource((PairingEnds) pairingId -> pairingId.equals(PAIRING.pairingId()) ? Optional.of(endedOn) : Optional.empty());

        ended.givenCommands(new ScheduleMeeting(PAIRING, FIRST, tuesday, 45, "Library quiet room"),
                        new ScheduleMeeting(PAIRING, SECOND, afterTheEnd, 45, "Library quiet room"))
                .whenTimeElapses(Duration.ofDays(12))
                .expectDeadlinesMet(new MeetingDue(FIRST), new MeetingDue(SECOND))
                .expectEvents(new MeetingMissed(FIRST, PAIRING.pairingId(), PAIRING.schoolId(), PAIRING.mentorId(), PAIRING.menteeId(), tuesday));
    }

    @Test
    void a_meeting_held_in_time_is_not_missed() {
        fixture.givenCommands(new ScheduleMeeting(PAIRING, FIRST, tuesday, 45, "Library quiet room"), hold(FIRST, 3))
                .whenTimeElapses(Duration.ofDays(5))
                .expectNoEvents();
    }

    @Test
    void a_missed_meeting_may_still_be_recorded_as_held_late() {
        fixture.given(scheduled(FIRST, tuesday),
                        new MeetingMissed(FIRST, PAIRING.pairingId(), PAIRING.schoolId(), PAIRING.mentorId(), PAIRING.menteeId(), tuesday))
                .when(hold(FIRST, 2))
                .expectEvents(held(FIRST, true, 2));
    }

    @Test
    void two_meetings_of_a_pairing_are_not_booked_for_the_same_moment() {
        fixture.given(scheduled(FIRST, tuesday))
                .when(new ScheduleMeeting(PAIRING, SECOND, tuesday, 30, "Room 4"))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_meeting_unknown_to_the_diary_is_not_held() {
        fixture.given(scheduled(FIRST, tuesday))
                .when(hold(SECOND, 3))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    private Instant deadlineOf(Instant scheduledFor) {
        // two days ahead, the end of the meeting's day decides, not the moment it was scheduled
        return new RecordingWindow(Duration.ofDays(1)).dueBy(scheduledFor, Instant.now());
    }

    private MeetingScheduled scheduled(UUID meeting, Instant when) {
        return new MeetingScheduled(meeting, PAIRING.pairingId(), PAIRING.schoolId(), PAIRING.mentorId(), PAIRING.menteeId(), when, 45, "Library quiet room");
    }

    private HoldMeeting hold(UUID meeting, int confidence) {
        return new HoldMeeting(PAIRING.pairingId(), meeting, tuesday, 50, true, List.of(" Ground rules "), List.of("Share seating plans"), confidence);
    }

    private MeetingHeld held(UUID meeting, boolean first, int confidence) {
        return new MeetingHeld(meeting, PAIRING.pairingId(), PAIRING.schoolId(), PAIRING.mentorId(), PAIRING.menteeId(), tuesday, 50, first, true,
                List.of("Ground rules"), List.of("Share seating plans"), confidence);
    }

    private ConfidenceRated rated(UUID meeting, int confidence, Instant at) {
        return new ConfidenceRated(meeting, PAIRING.pairingId(), PAIRING.schoolId(), PAIRING.mentorId(), PAIRING.menteeId(), confidence, at);
    }

    private MeetingCancelled cancelled(UUID meeting) {
        return new MeetingCancelled(meeting, PAIRING.pairingId(), PAIRING.schoolId(), PAIRING.mentorId(), PAIRING.menteeId(), tuesday,
                CancellationReason.SCHOOL_EVENT, tuesday.minus(Duration.ofDays(1)));
    }
}
