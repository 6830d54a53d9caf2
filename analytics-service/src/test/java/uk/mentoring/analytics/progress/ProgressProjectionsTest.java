package uk.mentoring.analytics.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import uk.mentoring.analytics.progress.PairingProgress.Status;
import uk.mentoring.analytics.progress.PairingProgress.Trend;
import uk.mentoring.contracts.MenteeStage;
import uk.mentoring.contracts.MentoringEvent;
import uk.mentoring.contracts.ReflectionDepth;
import uk.mentoring.contracts.ReflectionModel;
import uk.mentoring.contracts.SchoolPhase;
import uk.mentoring.contracts.SupportLevel;
import uk.mentoring.contracts.meeting.ConfidenceRated;
import uk.mentoring.contracts.meeting.MeetingHeld;
import uk.mentoring.contracts.meeting.MeetingMissed;
import uk.mentoring.contracts.meeting.MeetingScheduled;
import uk.mentoring.contracts.pairing.GroundRulesAgreed;
import uk.mentoring.contracts.pairing.MenteeEnrolled;
import uk.mentoring.contracts.pairing.MenteeMovedSchool;
import uk.mentoring.contracts.pairing.MentorAvailabilityChanged;
import uk.mentoring.contracts.pairing.MentorRegistered;
import uk.mentoring.contracts.pairing.PairingCreated;
import uk.mentoring.contracts.pairing.PairingEndReason;
import uk.mentoring.contracts.pairing.PairingEnded;
import uk.mentoring.contracts.pairing.PersonForgotten;
import uk.mentoring.contracts.pairing.PersonRole;
import uk.mentoring.contracts.pairing.SchoolOnboarded;
import uk.mentoring.contracts.pairing.SupportIncreaseReason;
import uk.mentoring.contracts.pairing.SupportLevelChanged;
import uk.mentoring.contracts.reflection.DevelopmentTargetSet;
import uk.mentoring.contracts.reflection.IdentifiedBy;
import uk.mentoring.contracts.reflection.ReflectionReviewed;
import uk.mentoring.contracts.reflection.ReflectionSubmitted;
import uk.mentoring.kit.events.ReceivedEvent;
import uk.mentoring.testkit.TestInfrastructure;

/**
 * Both projections on the test kit's MongoDB, fed event sequences from the three topics as Kafka
 * might deliver them: twice over, and interleaved in any order.
 */
class ProgressProjectionsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    static MongoClient client;

    MongoDatabase database;
    LiveViews projections;
    List<ViewProjection> each;
    ViewGenerations generations;
    ProgressViews views;

    final UUID school = UUID.randomUUID();
    final UUID mentor = UUID.randomUUID();
    final UUID mentee = UUID.randomUUID();
    final UUID secondMentee = UUID.randomUUID();
    final UUID pairing = UUID.randomUUID();
    final Map<MentoringEvent, String> ids = new HashMap<>();

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestInfrastructure.mongoUri());
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void freshDatabase() {
        database = client.getDatabase("projection-" + UUID.randomUUID());
        generations = new ViewGenerations(database);
        each = List.of(new TrustDirectoryProjection(generations), new PairingHistoryProjection(new PairingHistories(generations)));
        projections = new LiveViews(each, generations);
        views = new ProgressViews(new PairingHistories(generations), new TrustDirectory(generations), RiskThresholds.practiceDefaults(),
                Clock.fixed(TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
    }

    @Test
    void counts_a_school_with_its_people_and_pairings() {
        apply(directory());

        ProgressViews.SchoolView view = views.school(school, ProgressQuery.today(TODAY)).orElseThrow();
        assertThat(view.name()).isEqualTo("Riverside Primary Academy");
        assertThat(view.mentors()).isEqualTo(1);
        assertThat(view.mentees()).isEqualTo(2);
        assertThat(view.progress().activePairings()).isEqualTo(1);
        assertThat(view.menteesWithoutMentor()).isEqualTo(1);
        assertThat(view.waitingForMentor()).as("named, for the lead to pair").extracting(TrustDirectory.Person::id, TrustDirectory.Person::displayName)
                .containsExactly(Tuple.tuple(secondMentee, "Priya Shah"));
        ProgressViews.PairingView paired = views.pairing(pairing, TODAY).orElseThrow();
        assertThat(paired.mentor().displayName()).isEqualTo("Amira Khan");
        assertThat(paired.status()).isEqualTo(Status.ACTIVE);

        ProgressViews.TrustView trust = views.trust(ProgressQuery.today(TODAY));
        assertThat(trust.bySchool()).singleElement().satisfies(summary -> {
            assertThat(summary.mentors()).isEqualTo(1);
            assertThat(summary.mentees()).isEqualTo(2);
            assertThat(summary.menteesWithoutMentor()).isEqualTo(1);
        });
        assertThat(trust.mentees()).isEqualTo(2);
        assertThat(trust.menteesWithoutMentor()).isEqualTo(1);
    }

    @Test
    void a_mentee_forgotten_at_their_request_is_still_counted_but_waits_for_no_mentor() {
        List<ReceivedEvent> events = new ArrayList<>(directory());
        events.add(received(new PersonForgotten(secondMentee, school, PersonRole.MENTEE, TODAY)));
        apply(events);

        ProgressViews.SchoolView view = views.school(school, ProgressQuery.today(TODAY)).orElseThrow();
        assertThat(view.mentees()).isEqualTo(2);
        assertThat(view.menteesWithoutMentor()).isZero();
        assertThat(view.waitingForMentor()).isEmpty();
        assertThat(views.trust(ProgressQuery.today(TODAY)).menteesWithoutMentor()).isZero();
    }

    @Test
    void a_change_of_support_back_up_keeps_its_reason() {
        List<ReceivedEvent> events = new ArrayList<>(directory());
        events.add(received(new SupportLevelChanged(pairing, school, mentor, mentee, SupportLevel.INTENSIVE, SupportLevel.REGULAR, null,
                LocalDate.of(2026, 10, 5))));
        events.add(received(new SupportLevelChanged(pairing, school, mentor, mentee, SupportLevel.REGULAR, SupportLevel.INTENSIVE,
                SupportIncreaseReason.RETURN_FROM_ABSENCE, LocalDate.of(2026, 11, 2))));
        apply(events);

        assertThat(views.pairing(pairing, TODAY).orElseThrow().progress().support().changes())
                .extracting(PairingHistory.SupportChange::to, PairingHistory.SupportChange::increaseReason)
                .containsExactly(Tuple.tuple(SupportLevel.REGULAR, null), Tuple.tuple(SupportLevel.INTENSIVE, SupportIncreaseReason.RETURN_FROM_ABSENCE));
    }

    @Test
    void a_mentor_sees_the_pairings_under_way_those_to_start_later_and_those_that_ended_but_none_called_off() {
        UUID thirdMentee = UUID.randomUUID();
        UUID ended = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        UUID calledOff = UUID.randomUUID();
        List<ReceivedEvent> events = new ArrayList<>(directory());
        events.add(received(new MenteeEnrolled(thirdMentee, school, "Lucy Marsh", "l.m@example.org", MenteeStage.TRAINEE, List.of())));
        events.add(received(new PairingCreated(ended, school, mentor, thirdMentee, MenteeStage.TRAINEE, LocalDate.of(2026, 9, 1))));
        events.add(received(new PairingEnded(ended, school, mentor, thirdMentee, PairingEndReason.PROGRAMME_COMPLETED, LocalDate.of(2026, 10, 30))));
        events.add(received(new PairingCreated(calledOff, school, mentor, secondMentee, MenteeStage.TRAINEE, TODAY.plusDays(10))));
        events.add(received(new PairingEnded(calledOff, school, mentor, secondMentee, PairingEndReason.OTHER, TODAY.plusDays(10))));
        events.add(received(new PairingCreated(later, school, mentor, secondMentee, MenteeStage.TRAINEE, TODAY.plusDays(30))));
        events.add(received(new MentorAvailabilityChanged(mentor, school, TODAY.minusDays(2), TODAY.plusDays(10))));
        apply(events);

        ProgressViews.MentorView view = views.mentor(mentor).orElseThrow();
        assertThat(view.away()).as("away now, as the school gave it").isEqualTo(new ProgressViews.Away(TODAY.minusDays(2), TODAY.plusDays(10)));
        apply(List.of(received(new MentorAvailabilityChanged(mentor, school, null, null))));
        assertThat(views.mentor(mentor).orElseThrow().away()).as("available again").isNull();

        assertThat(view.schoolName()).isEqualTo("Riverside Primary Academy");
        assertThat(view.activePairings()).extracting(ProgressViews.PairingSummary::pairingId).containsExactly(pairing);
        assertThat(view.activePairings().get(0).schoolName()).isEqualTo("Riverside Primary Academy");
        assertThat(view.startingLater()).extracting(ProgressViews.PairingSummary::pairingId, ProgressViews.PairingSummary::pairedOn)
                .containsExactly(Tuple.tuple(later, TODAY.plusDays(30)));
        assertThat(view.endedPairings()).extracting(ProgressViews.PairingSummary::pairingId, ProgressViews.PairingSummary::endedOn)
                .containsExactly(Tuple.tuple(ended, LocalDate.of(2026, 10, 30)));
    }

    @Test
    void a_mentee_whose_pairing_ended_as_they_finished_waits_for_no_mentor_and_one_whose_mentor_changed_does() {
        List<ReceivedEvent> finished = new ArrayList<>(directory());
        finished.add(received(new PairingEnded(pairing, school, mentor, mentee, PairingEndReason.MENTEE_INDEPENDENT, TODAY.minusDays(3))));
        apply(finished);
        assertThat(views.school(school, ProgressQuery.today(TODAY)).orElseThrow().menteesWithoutMentor()).as("only the mentee never paired").isEqualTo(1);
        apply(List.of(received(new PairingCreated(UUID.randomUUID(), school, mentor, secondMentee, MenteeStage.TRAINEE, TODAY.plusDays(30)))));
        assertThat(views.school(school, ProgressQuery.today(TODAY)).orElseThrow().menteesWithoutMentor()).as("paired to start next month").isZero();

        freshDatabase();
        List<ReceivedEvent> changed = new ArrayList<>(directory());
        changed.add(received(new PairingEnded(pairing, school, mentor, mentee, PairingEndReason.MENTOR_CHANGED, TODAY.minusDays(3))));
        apply(changed);
        assertThat(views.school(school, ProgressQuery.today(TODAY)).orElseThrow().menteesWithoutMentor()).isEqualTo(2);
        assertThat(views.trust(ProgressQuery.today(TODAY)).menteesWithoutMentor()).isEqualTo(2);

        // moved today: their pairing ended today, and their new school and the trust both count them as waiting
        freshDatabase();
        UUID hillside = UUID.randomUUID();
        List<ReceivedEvent> moved = new ArrayList<>(directory());
        moved.add(received(new SchoolOnboarded(hillside, "Hillside Secondary School", "137456", SchoolPhase.SECONDARY)));
        moved.add(received(new PairingEnded(pairing, school, mentor, mentee, PairingEndReason.MENTEE_MOVED_SCHOOL, TODAY)));
        moved.add(received(new MenteeMovedSchool(mentee, school, hillside, TODAY)));
        apply(moved);
        assertThat(views.school(hillside, ProgressQuery.today(TODAY)).orElseThrow().menteesWithoutMentor()).isEqualTo(1);
        assertThat(views.trust(ProgressQuery.today(TODAY)).bySchool()).filteredOn(summary -> summary.schoolId().equals(hillside))
                .singleElement().extracting(ProgressViews.SchoolSummary::menteesWithoutMentor).isEqualTo(1L);
        assertThat(views.mentee(mentee, TODAY).orElseThrow().timeline()).filteredOn(step -> step.on().equals(TODAY))
                .extracting(MenteeTimeline.Step::what).as("the pairing left behind ends, then the move")
                .containsExactly(MenteeTimeline.What.PAIRING_ENDED, MenteeTimeline.What.MOVED_SCHOOL);

        // finished their training year at Riverside, then moved to Hillside for their first year as an ECT: waiting there, in both views
        freshDatabase();
        List<ReceivedEvent> finishedThenMoved = new ArrayList<>(directory());
        finishedThenMoved.add(received(new SchoolOnboarded(hillside, "Hillside Secondary School", "137456", SchoolPhase.SECONDARY)));
        finishedThenMoved.add(received(new PairingEnded(pairing, school, mentor, mentee, PairingEndReason.PROGRAMME_COMPLETED, TODAY.minusDays(10))));
        finishedThenMoved.add(received(new MenteeMovedSchool(mentee, school, hillside, TODAY.minusDays(5))));
        apply(finishedThenMoved);
        assertThat(views.school(hillside, ProgressQuery.today(TODAY)).orElseThrow().menteesWithoutMentor()).isEqualTo(1);
        assertThat(views.trust(ProgressQuery.today(TODAY)).bySchool()).filteredOn(summary -> summary.schoolId().equals(hillside))
                .singleElement().extracting(ProgressViews.SchoolSummary::menteesWithoutMentor).isEqualTo(1L);
    }

    @Test
    void meetings_held_on_one_day_count_in_the_order_they_were_held_whatever_their_ids() {
        List<ReceivedEvent> events = new ArrayList<>(directory());
        UUID earlyId = UUID.fromString("ffffffff-0000-4000-8000-000000000000");
        UUID lateId = UUID.fromString("00000000-0000-4000-8000-000000000000");
        events.add(received(new MeetingHeld(lateId, pairing, school, mentor, mentee, Instant.parse("2026-11-24T15:40:00Z"), 30, false, true,
                List.of("Behaviour"), List.of(), 2)));
        events.add(received(new MeetingHeld(earlyId, pairing, school, mentor, mentee, Instant.parse("2026-11-24T15:00:00Z"), 30, true, true,
                List.of("Routines"), List.of(), 4)));
        apply(events);

        PairingProgress.Confidence confidence = views.pairing(pairing, TODAY).orElseThrow().progress().confidence();
        assertThat(confidence.series()).extracting(PairingProgress.ConfidencePoint::confidence).as("15:00, then 15:40").containsExactly(4, 2);
        assertThat(confidence.latest()).isEqualTo(2);
        assertThat(views.pairing(pairing, TODAY).orElseThrow().records().meetings()).extracting(PairingHistory.Meeting::meetingId)
                .as("listed as they fell").containsExactly(earlyId.toString(), lateId.toString());
    }

    @Test
    void a_group_says_how_many_of_its_active_pairings_are_yet_to_meet_beside_the_averages_of_those_that_have() {
        apply(directory());
        GroupProgress before = views.school(school, ProgressQuery.today(TODAY)).orElseThrow().progress();
        assertThat(before.awaitingFirstMeeting()).isEqualTo(1);
        assertThat(before.averageDaysToFirstMeeting()).as("nobody has met").isNull();

        apply(List.of(received(new MeetingHeld(UUID.randomUUID(), pairing, school, mentor, mentee, Instant.parse("2026-09-09T15:00:00Z"), 30, true, true,
                List.of("Routines"), List.of(), 3))));
        GroupProgress after = views.school(school, ProgressQuery.today(TODAY)).orElseThrow().progress();
        assertThat(after.awaitingFirstMeeting()).isZero();
        assertThat(after.averageDaysToFirstMeeting()).isEqualTo(2.0);

        // a pairing made today has had no time to agree ground rules: it is not counted as one that has not
        apply(List.of(received(new GroundRulesAgreed(pairing, school, mentor, mentee, List.of("We meet every week"), DayOfWeek.WEDNESDAY,
                        LocalTime.of(15, 45), "Library", LocalDate.of(2026, 9, 9))),
                received(new PairingCreated(UUID.randomUUID(), school, mentor, secondMentee, MenteeStage.TRAINEE, TODAY))));
        GroupProgress withANewPairing = views.school(school, ProgressQuery.today(TODAY)).orElseThrow().progress();
        assertThat(withANewPairing.awaitingFirstMeeting()).isEqualTo(1);
        assertThat(withANewPairing.groundRulesAgreedShare()).isEqualTo(1.0);
    }

    @Test
    void a_pairing_called_off_before_it_began_is_left_out_of_the_figures() {
        List<ReceivedEvent> events = new ArrayList<>(directory());
        UUID calledOff = UUID.randomUUID();
        events.add(received(new PairingCreated(calledOff, school, mentor, secondMentee, MenteeStage.TRAINEE, TODAY.minusDays(5))));
        events.add(received(new PairingEnded(calledOff, school, mentor, secondMentee, PairingEndReason.OTHER, TODAY.minusDays(5))));
        apply(events);

        ProgressViews.SchoolView view = views.school(school, ProgressQuery.today(TODAY)).orElseThrow();
        assertThat(view.pairings()).extracting(ProgressViews.PairingRow::pairingId).containsExactly(pairing);
        assertThat(views.trust(ProgressQuery.today(TODAY)).progress().pairings()).isEqualTo(1);
        assertThat(view.menteesWithoutMentor()).as("the mentee it was for still waits").isEqualTo(1);
    }

    @Test
    void each_school_counts_its_own_mentees_and_a_mentee_counts_once_their_school_has_arrived() {
        UUID hillside = UUID.randomUUID();
        UUID newcomer = UUID.randomUUID();
        List<ReceivedEvent> events = new ArrayList<>(directory());
        events.add(received(new MenteeEnrolled(newcomer, hillside, "Sam Okafor", "s.o@example.org", MenteeStage.TRAINEE, List.of())));
        apply(events);

        ProgressViews.TrustView before = views.trust(ProgressQuery.today(TODAY));
        assertThat(before.bySchool()).extracting(ProgressViews.SchoolSummary::schoolId).containsExactly(school);
        assertThat(before.mentees()).as("the trust counts the schools it knows").isEqualTo(2);

        apply(List.of(received(new SchoolOnboarded(hillside, "Hillside Secondary School", "137456", SchoolPhase.SECONDARY))));
        ProgressViews.TrustView after = views.trust(ProgressQuery.today(TODAY));
        assertThat(after.bySchool()).extracting(ProgressViews.SchoolSummary::name, ProgressViews.SchoolSummary::mentees,
                ProgressViews.SchoolSummary::menteesWithoutMentor, ProgressViews.SchoolSummary::mentors)
                .containsExactly(Tuple.tuple("Hillside Secondary School", 1L, 1L, 0L),
                        Tuple.tuple("Riverside Primary Academy", 2L, 1L, 1L));
        assertThat(after.mentees()).isEqualTo(3);
        assertThat(after.menteesWithoutMentor()).isEqualTo(2);
        assertThat(views.school(hillside, ProgressQuery.today(TODAY)).orElseThrow().mentees()).isEqualTo(1);
    }

    @Test
    void measures_a_term_of_meetings_reflections_and_support_from_all_three_topics() {
        apply(term());

        PairingProgress progress = views.pairing(pairing, TODAY).orElseThrow().progress();
        assertThat(progress.firstMeeting().heldOn()).isEqualTo(LocalDate.of(2026, 9, 9));
        // each record under its id, for the mentor and mentee to act on: the missed meeting too
        ProgressViews.Records records = views.pairing(pairing, TODAY).orElseThrow().records();
        assertThat(records.meetings()).extracting(PairingHistory.Meeting::heldOn, PairingHistory.Meeting::missedOn).containsExactly(
                Tuple.tuple(LocalDate.of(2026, 9, 9), null), Tuple.tuple(LocalDate.of(2026, 9, 16), null), Tuple.tuple(LocalDate.of(2026, 9, 23), null),
                Tuple.tuple(LocalDate.of(2026, 10, 2), null), Tuple.tuple(null, LocalDate.of(2026, 10, 7)));
        assertThat(records.meetings()).allSatisfy(meeting -> assertThat(UUID.fromString(meeting.meetingId())).isNotNull());
        assertThat(records.reflections()).extracting(PairingHistory.Reflection::submittedOn).containsExactly(LocalDate.of(2026, 9, 18), LocalDate.of(2026, 10, 1));
        assertThat(records.targets()).extracting(PairingHistory.Target::identifiedBy).containsExactly(IdentifiedBy.MENTEE, IdentifiedBy.MENTOR);
        assertThat(views.pairing(pairing, LocalDate.of(2026, 9, 20)).orElseThrow().records().reflections()).as("as the records stood then")
                .extracting(PairingHistory.Reflection::mentorAssessed).containsExactly(ReflectionDepth.UNDERSTANDING);
        assertThat(progress.firstMeeting().daysAfterPairing()).isEqualTo(2);
        assertThat(progress.groundRules().agreed()).isTrue();
        assertThat(progress.groundRules().atFirstMeeting()).isTrue();
        assertThat(progress.cadence().meetingsHeld()).isEqualTo(4);
        assertThat(progress.cadence().meetingsMissed()).isEqualTo(1);
        assertThat(progress.confidence().series()).extracting(PairingProgress.ConfidencePoint::confidence).containsExactly(2, 2, 3, 5);
        assertThat(progress.confidence().series()).extracting(PairingProgress.ConfidencePoint::ownRating).containsExactly(false, false, false, true);
        assertThat(views.mentee(mentee, TODAY).orElseThrow().timeline())
                .filteredOn(step -> step.what() == MenteeTimeline.What.CONFIDENCE_RATED)
                .extracting(MenteeTimeline.Step::on, MenteeTimeline.Step::detail)
                .containsExactly(Tuple.tuple(LocalDate.of(2026, 10, 2), "at 19:30, confidence 3 of 5 at the meeting held on 2026-10-02"),
                        Tuple.tuple(LocalDate.of(2026, 10, 3), "at 16:30, confidence 5 of 5 at the meeting held on 2026-10-02"));
        assertThat(progress.confidence().trend()).isEqualTo(Trend.RISING);
        assertThat(progress.reflections().submitted()).isEqualTo(2);
        assertThat(progress.reflections().reviewed()).isEqualTo(1);
        assertThat(progress.reflections().series()).extracting(PairingProgress.DepthPoint::selfAssessedLevel).containsExactly(2, 4);
        assertThat(progress.targets().set()).isEqualTo(2);
        assertThat(progress.targets().menteeIdentifiedShare()).isEqualTo(0.5);
        assertThat(progress.support().current()).isEqualTo(SupportLevel.REGULAR);
        assertThat(progress.support().since()).isEqualTo(LocalDate.of(2026, 10, 19));
        // the last meeting was 2 October: eight weeks without one, and reflections stopped too
        assertThat(progress.risks()).extracting(Risk::code).contains(Risk.NO_RECENT_MEETING, Risk.NO_RECENT_REFLECTION)
                .doesNotContain(Risk.NO_FIRST_MEETING, Risk.NO_GROUND_RULES, Risk.CONFIDENCE_FALLING);

        ProgressViews.TrustView trust = views.trust(ProgressQuery.today(TODAY));
        assertThat(trust.atRisk()).extracting(ProgressViews.PairingAtRisk::pairingId).containsExactly(pairing);
        assertThat(trust.progress().meetingsHeld()).isEqualTo(4);
        assertThat(trust.bySchool()).singleElement().satisfies(summary -> assertThat(summary.progress().atRisk()).isEqualTo(1));
    }

    @Test
    void every_event_delivered_twice_changes_nothing() {
        apply(term());
        ProgressViews.TrustView once = views.trust(ProgressQuery.today(TODAY));
        ProgressViews.PairingView pairingOnce = views.pairing(pairing, TODAY).orElseThrow();

        apply(term());

        assertThat(views.trust(ProgressQuery.today(TODAY))).isEqualTo(once);
        assertThat(views.pairing(pairing, TODAY)).contains(pairingOnce);
    }

    @Test
    void events_written_in_batches_as_a_rebuild_writes_them_leave_the_views_one_by_one_leaves() {
        UUID hillside = UUID.randomUUID();
        List<ReceivedEvent> events = new ArrayList<>(term());
        events.addAll(term());
        events.add(received(new SchoolOnboarded(hillside, "Hillside Secondary School", "137456", SchoolPhase.SECONDARY)));
        // a later fact about the same thing replaces an earlier one within a batch, as it does one by one
        events.add(received(new MenteeMovedSchool(secondMentee, school, hillside, LocalDate.of(2026, 10, 1))));
        apply(events);
        ProgressViews.TrustView oneByOne = views.trust(ProgressQuery.today(TODAY));
        ProgressViews.PairingView pairingOneByOne = views.pairing(pairing, TODAY).orElseThrow();

        for (int size : new int[] {1, 2, 7, events.size()}) {
            freshDatabase();
            for (int from = 0; from < events.size(); from += size) {
                List<ReceivedEvent> batch = events.subList(from, Math.min(events.size(), from + size));
                each.forEach(projection -> projection.applyAll(batch, generations.state().active()));
            }
            assertThat(views.trust(ProgressQuery.today(TODAY))).as("in batches of %d", size).isEqualTo(oneByOne);
            assertThat(views.pairing(pairing, TODAY)).as("in batches of %d", size).contains(pairingOneByOne);
        }
        assertThat(oneByOne.progress().activePairings()).isPositive();
        assertThat(oneByOne.bySchool()).as("the moved mentee counts in their new school").anySatisfy(view -> {
            assertThat(view.schoolId()).isEqualTo(hillside);
            assertThat(view.mentees()).isEqualTo(1);
        });
    }

    @Test
    void the_order_the_topics_interleave_in_does_not_matter() {
        List<ReceivedEvent> events = new ArrayList<>(term());
        events.add(received(new PairingEnded(pairing, school, mentor, mentee, PairingEndReason.PROGRAMME_COMPLETED, LocalDate.of(2026, 11, 20))));
        apply(events);
        ProgressViews.TrustView inOrder = views.trust(ProgressQuery.today(TODAY));
        ProgressViews.PairingView pairingInOrder = views.pairing(pairing, TODAY).orElseThrow();

        for (long seed = 1; seed <= 6; seed++) {
            freshDatabase();
            List<ReceivedEvent> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, new Random(seed));
            apply(shuffled);
            assertThat(views.trust(ProgressQuery.today(TODAY))).as("shuffled with seed %d", seed).isEqualTo(inOrder);
            assertThat(views.pairing(pairing, TODAY)).as("shuffled with seed %d", seed).contains(pairingInOrder);
        }
        assertThat(pairingInOrder.status()).isEqualTo(Status.ENDED);
        assertThat(pairingInOrder.progress().risks()).as("an ended pairing needs no one").isEmpty();
        assertThat(inOrder.progress().activePairings()).isZero();
        assertThat(inOrder.atRisk()).isEmpty();
    }

    @Test
    void a_date_range_and_a_stage_select_the_pairings_and_the_day_they_are_measured_on() {
        apply(term());

        ProgressViews.PairingView inSeptember = views.pairing(pairing, LocalDate.of(2026, 9, 30)).orElseThrow();
        assertThat(inSeptember.progress().cadence().meetingsHeld()).isEqualTo(3);
        assertThat(inSeptember.progress().risks()).isEmpty();
        assertThat(views.pairing(pairing, LocalDate.of(2026, 9, 1))).as("not yet paired").isEmpty();

        ProgressQuery trainees = ProgressQuery.of(List.of(MenteeStage.TRAINEE), null, null, TODAY);
        assertThat(views.trust(trainees).progress().pairings()).isZero();
        ProgressQuery ects = ProgressQuery.of(List.of(MenteeStage.ECT_YEAR_1), null, null, TODAY);
        assertThat(views.trust(ects).progress().pairings()).isEqualTo(1);

        // from a Thursday: the pairing counts with its whole life, what was done counts from that day
        ProgressViews.TrustView sinceThursday = views.trust(ProgressQuery.of(null, LocalDate.of(2026, 9, 17), null, TODAY));
        assertThat(sinceThursday.progress().meetingsHeld()).as("the pairing's meetings, all of them").isEqualTo(4);
        assertThat(sinceThursday.inPeriod().meetingsHeld()).as("the meetings of 23 September and 2 October").isEqualTo(2);
        assertThat(sinceThursday.weeks().get(0).weekStarting()).isEqualTo(LocalDate.of(2026, 9, 14));
        assertThat(sinceThursday.weeks().get(0).meetingsHeld()).as("the Wednesday before the period is not in it").isZero();
        assertThat(views.school(school, ProgressQuery.of(null, LocalDate.of(2026, 9, 17), null, TODAY)).orElseThrow().inPeriod().meetingsHeld())
                .isEqualTo(2);
    }

    private List<ReceivedEvent> directory() {
        return List.of(
                received(new SchoolOnboarded(school, "Riverside Primary Academy", "140123", SchoolPhase.PRIMARY)),
                received(new MentorRegistered(mentor, school, "Amira Khan", "a.khan@example.org", List.of("Maths"), List.of())),
                received(new MenteeEnrolled(mentee, school, "Tom Whitfield", "t.w@example.org", MenteeStage.ECT_YEAR_1, List.of())),
                received(new MenteeEnrolled(secondMentee, school, "Priya Shah", "p.s@example.org", MenteeStage.TRAINEE, List.of())),
                received(new PairingCreated(pairing, school, mentor, mentee, MenteeStage.ECT_YEAR_1, LocalDate.of(2026, 9, 7))));
    }

    private List<ReceivedEvent> term;

    /** A pairing that started well and went quiet in October; the same events each time it is asked for. */
    private List<ReceivedEvent> term() {
        if (term == null) {
            term = List.copyOf(newTerm());
        }
        return term;
    }

    private List<ReceivedEvent> newTerm() {
        List<ReceivedEvent> events = new ArrayList<>(directory());
        events.add(received(new GroundRulesAgreed(pairing, school, mentor, mentee, List.of("Phones away"), DayOfWeek.WEDNESDAY,
                LocalTime.of(15, 30), "Library", LocalDate.of(2026, 9, 9))));
        events.addAll(meeting(LocalDate.of(2026, 9, 9), 2, true));
        events.addAll(meeting(LocalDate.of(2026, 9, 16), 2, false));
        events.addAll(meeting(LocalDate.of(2026, 9, 23), 3, false));
        List<ReceivedEvent> last = meeting(LocalDate.of(2026, 10, 2), 4, false);
        events.addAll(last);
        // the mentor wrote down 4; the mentee rated it 3 that evening and 5 the day after, and the latest stands
        UUID lastMeeting = ((MeetingHeld) last.get(1).data()).meetingId();
        events.add(received(new ConfidenceRated(lastMeeting, pairing, school, mentor, mentee, 3, at(LocalDate.of(2026, 10, 2)).plusSeconds(3 * 3600))));
        events.add(received(new ConfidenceRated(lastMeeting, pairing, school, mentor, mentee, 5, at(LocalDate.of(2026, 10, 3)))));
        UUID missed = UUID.randomUUID();
        events.add(received(new MeetingScheduled(missed, pairing, school, mentor, mentee, at(LocalDate.of(2026, 10, 7)), 30, "Library")));
        events.add(received(new MeetingMissed(missed, pairing, school, mentor, mentee, at(LocalDate.of(2026, 10, 7)))));
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        events.add(received(new ReflectionSubmitted(first, pairing, school, mentor, mentee, ReflectionModel.GIBBS, Map.of(),
                ReflectionDepth.UNDERSTANDING, at(LocalDate.of(2026, 9, 18)))));
        events.add(received(new ReflectionReviewed(first, pairing, school, mentor, mentee, ReflectionDepth.UNDERSTANDING, "Good start",
                at(LocalDate.of(2026, 9, 20)))));
        events.add(received(new ReflectionSubmitted(second, pairing, school, mentor, mentee, ReflectionModel.CRITICAL_INCIDENT, Map.of(),
                ReflectionDepth.ANALYSING, at(LocalDate.of(2026, 10, 1)))));
        events.add(received(new DevelopmentTargetSet(UUID.randomUUID(), pairing, school, mentor, mentee, "Behaviour", IdentifiedBy.MENTEE,
                LocalDate.of(2026, 9, 16))));
        events.add(received(new DevelopmentTargetSet(UUID.randomUUID(), pairing, school, mentor, mentee, "Questioning", IdentifiedBy.MENTOR,
                LocalDate.of(2026, 9, 23))));
        events.add(received(new SupportLevelChanged(pairing, school, mentor, mentee, SupportLevel.INTENSIVE, SupportLevel.REGULAR, null,
                LocalDate.of(2026, 10, 19))));
        return events;
    }

    private List<ReceivedEvent> meeting(LocalDate on, int confidence, boolean first) {
        UUID meeting = UUID.randomUUID();
        return List.of(
                received(new MeetingScheduled(meeting, pairing, school, mentor, mentee, at(on), 45, "Library")),
                received(new MeetingHeld(meeting, pairing, school, mentor, mentee, at(on), 45, first, true, List.of(), List.of(), confidence)));
    }

    private static Instant at(LocalDate day) {
        return day.atTime(15, 30).toInstant(ZoneOffset.UTC);
    }

    private ReceivedEvent received(MentoringEvent data) {
        String id = ids.computeIfAbsent(data, event -> UUID.randomUUID().toString());
        return new ReceivedEvent(id, data.getClass().getSimpleName(), Instant.parse("2026-09-07T08:00:00Z"), data, Optional.empty());
    }

    private void apply(List<ReceivedEvent> events) {
        events.forEach(projections::on);
    }
}
