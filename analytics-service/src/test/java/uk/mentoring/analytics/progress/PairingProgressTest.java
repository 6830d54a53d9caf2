package uk.mentoring.analytics.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import uk.mentoring.analytics.progress.PairingHistory.Meeting;
import uk.mentoring.analytics.progress.PairingHistory.Observation;
import uk.mentoring.analytics.progress.PairingHistory.OwnRating;
import uk.mentoring.analytics.progress.PairingHistory.Reflection;
import uk.mentoring.analytics.progress.PairingHistory.SupportChange;
import uk.mentoring.analytics.progress.PairingHistory.Target;
import uk.mentoring.analytics.progress.PairingProgress.ConfidencePoint;
import uk.mentoring.analytics.progress.PairingProgress.Trend;
import uk.mentoring.contracts.MenteeStage;
import uk.mentoring.contracts.ReflectionDepth;
import uk.mentoring.contracts.ReflectionModel;
import uk.mentoring.contracts.SupportLevel;
import uk.mentoring.contracts.pairing.SupportIncreaseReason;
import uk.mentoring.contracts.reflection.IdentifiedBy;
import uk.mentoring.kit.domain.SchoolTime;

/** Each measure and risk flag of the practice, from a pairing's history. */
class PairingProgressTest {

    static final LocalDate PAIRED = LocalDate.of(2026, 9, 7); // a Monday
    static final RiskThresholds PRACTICE = RiskThresholds.practiceDefaults();

    @Test
    void a_first_meeting_within_a_week_that_agrees_ground_rules_builds_trust() {
        History history = new History().held(PAIRED.plusDays(3), 3, true).groundRules(PAIRED.plusDays(3))
                .held(PAIRED.plusDays(10), 3, false).held(PAIRED.plusDays(17), 4, true);

        PairingProgress progress = history.asOf(PAIRED.plusDays(20));

        assertThat(progress.firstMeeting().heldOn()).isEqualTo(PAIRED.plusDays(3));
        assertThat(progress.firstMeeting().daysAfterPairing()).isEqualTo(3);
        assertThat(progress.firstMeeting().schoolDaysAfterPairing()).isEqualTo(3);
        assertThat(progress.firstMeeting().onTime()).isTrue();
        assertThat(progress.firstMeeting().quietRoomBooked()).isTrue();
        assertThat(progress.groundRules().atFirstMeeting()).isTrue();
        assertThat(progress.cadence().meetingsHeld()).isEqualTo(3);
        assertThat(progress.cadence().weeklySlots()).isEqualTo(3);
        assertThat(progress.cadence().kept()).isEqualTo(1.0);
        assertThat(progress.risks()).extracting(Risk::code).doesNotContain(Risk.NO_FIRST_MEETING, Risk.NO_GROUND_RULES, Risk.NO_RECENT_MEETING);
    }

    @Test
    void two_meetings_in_one_week_keep_one_week() {
        PairingProgress progress = new History().held(PAIRED.plusDays(1), 3, true).held(PAIRED.plusDays(3), 3, false)
                .held(PAIRED.plusDays(15), 4, false).asOf(PAIRED.plusDays(22));

        assertThat(progress.cadence().meetingsHeld()).isEqualTo(3);
        assertThat(progress.cadence().weeklySlots()).isEqualTo(3);
        assertThat(progress.cadence().weeksWithAMeeting()).isEqualTo(2);
        assertThat(progress.cadence().kept()).isEqualTo(0.67);
        assertThat(new History().asOf(PAIRED.plusDays(22)).cadence().weeksWithAMeeting()).as("before the first meeting").isNull();
    }

    @Test
    void weekly_cadence_counts_the_weeks_since_the_first_meeting_and_the_week_under_way_once_it_is_over_or_kept() {
        History history = new History().held(PAIRED.plusDays(1), 3, true).held(PAIRED.plusDays(15), 3, false);

        // the fifth week began on the 29th day: on it, that week has not been missed yet
        PairingProgress fifthWeekBegun = history.asOf(PAIRED.plusDays(29));
        PairingProgress fifthWeekOver = history.asOf(PAIRED.plusDays(35));

        assertThat(fifthWeekBegun.cadence().weeklySlots()).isEqualTo(4);
        assertThat(fifthWeekBegun.cadence().weeksWithAMeeting()).isEqualTo(2);
        assertThat(fifthWeekBegun.cadence().kept()).isEqualTo(0.5);
        assertThat(fifthWeekBegun.cadence().daysSinceLastMeeting()).isEqualTo(14);
        assertThat(fifthWeekOver.cadence().weeklySlots()).isEqualTo(5);
        assertThat(fifthWeekOver.cadence().kept()).isEqualTo(0.4);
        assertThat(new History().held(PAIRED.plusDays(1), 3, true).held(PAIRED.plusDays(15), 3, false).held(PAIRED.plusDays(30), 3, false)
                .asOf(PAIRED.plusDays(30)).cadence().kept()).as("kept as soon as they meet in it").isEqualTo(0.6);
    }

    @Test
    void a_pairing_that_ended_kept_or_missed_its_last_week_however_short() {
        // met on the first two Mondays, ended on the third Friday without meeting that week
        PairingProgress progress = new History().held(PAIRED, 3, true).held(PAIRED.plusDays(7), 3, false).ended(PAIRED.plusDays(18))
                .asOf(PAIRED.plusDays(30));

        assertThat(progress.cadence().weeklySlots()).isEqualTo(3);
        assertThat(progress.cadence().kept()).isEqualTo(0.67);
    }

    @Test
    void weekly_cadence_counts_the_weeks_with_a_meeting_not_the_meetings() {
        History history = new History().held(PAIRED.plusDays(1), 3, true).held(PAIRED.plusDays(2), 3, false)
                .held(PAIRED.plusDays(3), 3, false).held(PAIRED.plusDays(4), 3, false);

        PairingProgress progress = history.asOf(PAIRED.plusDays(28));

        assertThat(progress.cadence().meetingsHeld()).isEqualTo(4);
        assertThat(progress.cadence().weeklySlots()).isEqualTo(4);
        assertThat(progress.cadence().kept()).isEqualTo(0.25);
    }

    @Test
    void a_meeting_recorded_after_it_was_noticed_missed_counts_as_held_not_missed() {
        History history = new History().held(PAIRED.plusDays(1), 3, true)
                .missed(PAIRED.plusDays(8), PAIRED.plusDays(10), PAIRED.plusDays(8))
                .missed(PAIRED.plusDays(15), PAIRED.plusDays(17), null);

        PairingProgress progress = history.asOf(PAIRED.plusDays(20));

        assertThat(progress.cadence().meetingsHeld()).isEqualTo(2);
        assertThat(progress.cadence().meetingsMissed()).isEqualTo(1);
    }

    @Test
    void a_meeting_that_fell_due_after_the_pairing_ended_is_not_missed() {
        History history = new History().held(PAIRED.plusDays(1), 3, true)
                .missed(PAIRED.plusDays(8), PAIRED.plusDays(10), null)
                .missed(PAIRED.plusDays(22), PAIRED.plusDays(24), null)
                .ended(PAIRED.plusDays(14));

        assertThat(history.asOf(PAIRED.plusDays(30)).cadence().meetingsMissed()).isEqualTo(1);
    }

    @Test
    void the_holidays_are_no_school_days_no_weeks_to_meet_in_and_no_quiet_spell() {
        LocalDate lastFridayOfTerm = LocalDate.of(2026, 12, 18);
        LocalDate firstDayBack = LocalDate.of(2027, 1, 4);
        RiskThresholds christmas = PRACTICE.withHolidays(List.of(new RiskThresholds.Holiday(LocalDate.of(2026, 12, 21), LocalDate.of(2027, 1, 1))));

        // paired on the last Friday of term: the first day back is one school day later, not eleven
        assertThat(christmas.schoolDaysBetween(lastFridayOfTerm, firstDayBack)).isEqualTo(1);
        assertThat(PRACTICE.schoolDaysBetween(lastFridayOfTerm, firstDayBack)).isEqualTo(11);

        // met weekly up to the holidays and on the first Monday back: no week of the holidays was missed, nor a quiet spell
        History weekly = new History();
        for (LocalDate monday = LocalDate.of(2026, 11, 30); !monday.isAfter(firstDayBack); monday = monday.plusWeeks(1)) {
            if (!monday.isAfter(lastFridayOfTerm) || monday.equals(firstDayBack)) {
                weekly.held(monday, 3, true);
            }
        }
        weekly.reflection(LocalDate.of(2026, 12, 17), ReflectionDepth.ANALYSING, null).groundRules(PAIRED.plusDays(1));
        PairingProgress inTerm = PairingProgress.of(weekly.build(), firstDayBack.plusDays(1), christmas);
        PairingProgress unknownHolidays = PairingProgress.of(weekly.build(), firstDayBack.plusDays(1), PRACTICE);
        assertThat(inTerm.cadence().weeklySlots()).isEqualTo(4);
        assertThat(inTerm.cadence().kept()).isEqualTo(1.0);
        assertThat(unknownHolidays.cadence().kept()).isEqualTo(0.67);

        PairingProgress quiet = PairingProgress.of(new History().held(LocalDate.of(2026, 12, 14), 3, true).groundRules(PAIRED.plusDays(1))
                .reflection(LocalDate.of(2026, 12, 14), ReflectionDepth.ANALYSING, null).build(), LocalDate.of(2027, 1, 6), christmas);
        assertThat(quiet.risks()).extracting(Risk::code).doesNotContain(Risk.NO_RECENT_MEETING, Risk.NO_RECENT_REFLECTION);
        PairingProgress quieter = PairingProgress.of(new History().held(LocalDate.of(2026, 12, 14), 3, true).groundRules(PAIRED.plusDays(1))
                .reflection(LocalDate.of(2026, 12, 14), ReflectionDepth.ANALYSING, null).build(), LocalDate.of(2027, 1, 10), christmas);
        assertThat(reason(quieter, Risk.NO_RECENT_MEETING)).isEqualTo("No meeting held for 27 days, 15 of them in term (expected at least every 14).");
    }

    @Test
    void no_first_meeting_after_ten_school_days_is_flagged_with_the_days_so_far() {
        History history = new History();

        // 9 school days: Tuesday 8th to Friday 18th September, less the weekend
        assertThat(history.asOf(PAIRED.plusDays(11)).risks()).extracting(Risk::code).doesNotContain(Risk.NO_FIRST_MEETING, Risk.NO_GROUND_RULES);

        PairingProgress late = history.asOf(PAIRED.plusDays(15)); // 11 school days
        assertThat(late.firstMeeting().onTime()).isFalse();
        assertThat(late.risks()).extracting(Risk::code).contains(Risk.NO_FIRST_MEETING, Risk.NO_GROUND_RULES);
        assertThat(reason(late, Risk.NO_FIRST_MEETING)).isEqualTo("No first meeting yet, 11 school days after pairing (expected within 10).");
    }

    @Test
    void a_first_meeting_held_late_counts_as_not_on_time_but_is_no_longer_a_risk() {
        PairingProgress progress = new History().held(PAIRED.plusDays(21), 2, true).groundRules(PAIRED.plusDays(21)).asOf(PAIRED.plusDays(22));

        assertThat(progress.firstMeeting().onTime()).isFalse();
        assertThat(progress.firstMeeting().schoolDaysAfterPairing()).isEqualTo(15);
        assertThat(progress.risks()).extracting(Risk::code).doesNotContain(Risk.NO_FIRST_MEETING);
    }

    @Test
    void ground_rules_never_agreed_are_flagged_once_the_pairing_has_met() {
        PairingProgress progress = new History().held(PAIRED.plusDays(2), 3, true).held(PAIRED.plusDays(9), 3, false).asOf(PAIRED.plusDays(10));

        assertThat(progress.groundRules().agreed()).isFalse();
        assertThat(progress.groundRules().atFirstMeeting()).isFalse();
        assertThat(reason(progress, Risk.NO_GROUND_RULES)).isEqualTo("Ground rules not agreed, after 2 meetings.");
    }

    @Test
    void ground_rules_agreed_later_than_the_first_meeting_count_as_agreed_but_not_at_it() {
        PairingProgress progress = new History().held(PAIRED.plusDays(2), 3, true).groundRules(PAIRED.plusDays(9)).groundRules(PAIRED.plusDays(30))
                .asOf(PAIRED.plusDays(31));

        assertThat(progress.groundRules().agreed()).isTrue();
        assertThat(progress.groundRules().agreedOn()).isEqualTo(PAIRED.plusDays(9));
        assertThat(progress.groundRules().atFirstMeeting()).isFalse();
    }

    @Test
    void no_meeting_for_more_than_fourteen_days_is_flagged() {
        History history = new History().held(PAIRED.plusDays(1), 3, true).groundRules(PAIRED.plusDays(1));

        assertThat(history.asOf(PAIRED.plusDays(15)).risks()).extracting(Risk::code).doesNotContain(Risk.NO_RECENT_MEETING);
        assertThat(reason(history.asOf(PAIRED.plusDays(16)), Risk.NO_RECENT_MEETING))
                .isEqualTo("No meeting held for 15 days (expected at least every 14).");
    }

    @Test
    void confidence_falling_by_two_over_the_last_three_meetings_is_flagged() {
        History falling = new History().held(PAIRED.plusDays(1), 3, true).held(PAIRED.plusDays(8), 4, false)
                .held(PAIRED.plusDays(15), 3, false).held(PAIRED.plusDays(22), 2, false);

        PairingProgress progress = falling.asOf(PAIRED.plusDays(23));

        assertThat(progress.confidence().series()).extracting(PairingProgress.ConfidencePoint::confidence).containsExactly(3, 4, 3, 2);
        assertThat(progress.confidence().recentChange()).isEqualTo(-2);
        assertThat(progress.confidence().trend()).isEqualTo(Trend.FALLING);
        assertThat(reason(progress, Risk.CONFIDENCE_FALLING)).isEqualTo("Confidence fell from 4 to 2 over the last 3 meetings.");

        History dipped = new History().held(PAIRED.plusDays(1), 4, true).held(PAIRED.plusDays(8), 3, false).held(PAIRED.plusDays(15), 3, false);
        assertThat(dipped.asOf(PAIRED.plusDays(16)).risks()).extracting(Risk::code).doesNotContain(Risk.CONFIDENCE_FALLING);
    }

    @Test
    void confidence_trend_is_the_change_per_meeting_over_the_whole_series() {
        PairingProgress rising = new History().held(PAIRED.plusDays(1), 2, true).held(PAIRED.plusDays(8), 3, false)
                .held(PAIRED.plusDays(15), 3, false).held(PAIRED.plusDays(22), 4, false).asOf(PAIRED.plusDays(23));

        assertThat(rising.confidence().trendPerMeeting()).isEqualTo(0.6);
        assertThat(rising.confidence().trend()).isEqualTo(Trend.RISING);
        assertThat(rising.confidence().first()).isEqualTo(2);
        assertThat(rising.confidence().latest()).isEqualTo(4);
        assertThat(new History().held(PAIRED.plusDays(1), 2, true).asOf(PAIRED.plusDays(2)).confidence().trend()).isEqualTo(Trend.TOO_FEW_MEETINGS);
    }

    @Test
    void the_mentees_own_rating_stands_in_place_of_the_one_written_down_from_the_day_they_give_it() {
        LocalDate third = PAIRED.plusDays(15);
        History asWrittenDown = new History().held(PAIRED.plusDays(1), 4, true).held(PAIRED.plusDays(8), 4, false).held(third, 4, false);
        // the mentor wrote down 4 each time; that evening the mentee said 2, and two days later settled on 1, the two arriving out of order
        History history = new History().held(PAIRED.plusDays(1), 4, true).held(PAIRED.plusDays(8), 4, false).held(third, 4, false)
                .ratedByTheMentee(third, 1, third.plusDays(2), 2, third);

        PairingProgress sameDay = history.asOf(third);
        PairingProgress later = history.asOf(third.plusDays(3));

        assertThat(history.asOf(third.minusDays(1)).confidence().series()).extracting(ConfidencePoint::confidence).containsExactly(4, 4);
        assertThat(sameDay.confidence().series()).extracting(ConfidencePoint::confidence).containsExactly(4, 4, 2);
        assertThat(sameDay.confidence().series()).extracting(ConfidencePoint::ownRating).containsExactly(false, false, true);
        assertThat(reason(sameDay, Risk.CONFIDENCE_FALLING)).isEqualTo("Confidence fell from 4 to 2 over the last 3 meetings.");
        assertThat(later.confidence().latest()).isEqualTo(1);
        assertThat(reason(later, Risk.CONFIDENCE_FALLING)).isEqualTo("Confidence fell from 4 to 1 over the last 3 meetings.");
        assertThat(asWrittenDown.asOf(third.plusDays(3)).risks()).extracting(Risk::code).doesNotContain(Risk.CONFIDENCE_FALLING);
    }

    @Test
    void no_reflection_for_more_than_twenty_one_days_is_flagged() {
        History history = new History().held(PAIRED.plusDays(1), 3, true).reflection(PAIRED.plusDays(2), ReflectionDepth.ANALYSING, null);

        assertThat(history.asOf(PAIRED.plusDays(23)).risks()).extracting(Risk::code).doesNotContain(Risk.NO_RECENT_REFLECTION);
        assertThat(reason(history.asOf(PAIRED.plusDays(24)), Risk.NO_RECENT_REFLECTION))
                .isEqualTo("No reflection for 22 days (expected at least every 21).");
        assertThat(reason(new History().asOf(PAIRED.plusDays(22)), Risk.NO_RECENT_REFLECTION))
                .isEqualTo("No reflection yet, 22 days after pairing (expected at least every 21).");
    }

    @Test
    void reflection_depth_counts_the_mentors_assessment_once_reviewed() {
        PairingProgress progress = new History()
                .reflection(PAIRED.plusDays(2), ReflectionDepth.ANALYSING, ReflectionDepth.UNDERSTANDING)
                .reflection(PAIRED.plusDays(9), ReflectionDepth.EVALUATING, null)
                .asOf(PAIRED.plusDays(10));

        assertThat(progress.reflections().submitted()).isEqualTo(2);
        assertThat(progress.reflections().reviewed()).isEqualTo(1);
        assertThat(progress.reflections().series()).extracting(PairingProgress.DepthPoint::selfAssessedLevel).containsExactly(4, 5);
        assertThat(progress.reflections().series()).extracting(PairingProgress.DepthPoint::mentorAssessedLevel).containsExactly(2, null);
        assertThat(progress.reflections().averageDepth()).isEqualTo(3.5);
    }

    @Test
    void three_reflections_in_a_row_no_deeper_than_understanding_are_flagged() {
        History shallow = new History()
                .reflection(PAIRED.plusDays(2), ReflectionDepth.ANALYSING, ReflectionDepth.REMEMBERING)
                .reflection(PAIRED.plusDays(9), ReflectionDepth.UNDERSTANDING, null)
                .reflection(PAIRED.plusDays(16), ReflectionDepth.APPLYING, ReflectionDepth.UNDERSTANDING);

        assertThat(reason(shallow.asOf(PAIRED.plusDays(17)), Risk.SHALLOW_REFLECTIONS))
                .isEqualTo("The last 3 reflections went no deeper than understanding.");
        assertThat(shallow.reflection(PAIRED.plusDays(20), ReflectionDepth.ANALYSING, null).asOf(PAIRED.plusDays(21)).risks())
                .extracting(Risk::code).doesNotContain(Risk.SHALLOW_REFLECTIONS);
    }

    @Test
    void support_level_weeks_at_each_level_and_to_reach_it() {
        PairingProgress progress = new History().support(PAIRED.plusWeeks(3), SupportLevel.INTENSIVE, SupportLevel.REGULAR)
                .support(PAIRED.plusWeeks(7), SupportLevel.REGULAR, SupportLevel.LIGHT)
                .asOf(PAIRED.plusWeeks(9));

        assertThat(progress.support().current()).isEqualTo(SupportLevel.LIGHT);
        assertThat(progress.support().since()).isEqualTo(PAIRED.plusWeeks(7));
        assertThat(progress.support().weeksAt()).containsEntry(SupportLevel.INTENSIVE, 3.0).containsEntry(SupportLevel.REGULAR, 4.0)
                .containsEntry(SupportLevel.LIGHT, 2.0);
        assertThat(progress.support().weeksToReach()).containsEntry(SupportLevel.REGULAR, 3.0).containsEntry(SupportLevel.LIGHT, 7.0)
                .doesNotContainKey(SupportLevel.INDEPENDENT);
    }

    @Test
    void support_stepped_down_and_back_up_on_one_day_ends_where_the_mentor_left_it_whatever_order_the_changes_arrive_in() {
        LocalDate friday = PAIRED.plusWeeks(6).plusDays(4);
        List<SupportChange> day = List.of(new SupportChange(PAIRED.plusWeeks(3), SupportLevel.INTENSIVE, SupportLevel.REGULAR, null),
                new SupportChange(friday, SupportLevel.REGULAR, SupportLevel.LIGHT, null), new SupportChange(friday, SupportLevel.LIGHT, SupportLevel.REGULAR, SupportIncreaseReason.WELLBEING));
        for (List<SupportChange> arrived : List.of(day, List.of(day.get(2), day.get(1), day.get(0)), List.of(day.get(1), day.get(2), day.get(0)))) {
            History history = new History();
            arrived.forEach(change -> history.support(change.on(), change.from(), change.to()));

            PairingProgress progress = history.asOf(friday.plusDays(3));

            assertThat(progress.support().current()).as("arrived as %s", arrived).isEqualTo(SupportLevel.REGULAR);
            assertThat(progress.support().changes()).containsExactlyElementsOf(day);
        }
        // stepped down twice in one day: the chain, not the levels, says where it ended
        History twice = new History().support(friday, SupportLevel.INTENSIVE, SupportLevel.REGULAR).support(friday, SupportLevel.LIGHT, SupportLevel.INDEPENDENT)
                .support(friday, SupportLevel.REGULAR, SupportLevel.LIGHT);
        assertThat(twice.asOf(friday).support().current()).isEqualTo(SupportLevel.INDEPENDENT);
    }

    @Test
    void the_share_of_targets_the_mentee_identified_themself() {
        PairingProgress progress = new History().target(PAIRED.plusDays(2), IdentifiedBy.MENTOR, PAIRED.plusDays(20))
                .target(PAIRED.plusDays(9), IdentifiedBy.MENTEE, null).target(PAIRED.plusDays(16), IdentifiedBy.MENTEE, null)
                .target(PAIRED.plusDays(23), IdentifiedBy.MENTEE, null).asOf(PAIRED.plusDays(30));

        assertThat(progress.targets().set()).isEqualTo(4);
        assertThat(progress.targets().identifiedByMentee()).isEqualTo(3);
        assertThat(progress.targets().menteeIdentifiedShare()).isEqualTo(0.75);
        assertThat(progress.targets().met()).isEqualTo(1);
    }

    @Test
    void an_ended_pairing_needs_no_one_and_its_weeks_stop_at_its_end() {
        PairingProgress progress = new History().held(PAIRED.plusDays(1), 3, true).ended(PAIRED.plusWeeks(4)).asOf(PAIRED.plusWeeks(20));

        assertThat(progress.status()).isEqualTo(PairingProgress.Status.ENDED);
        assertThat(progress.risks()).isEmpty();
        assertThat(progress.support().weeksAt()).containsEntry(SupportLevel.INTENSIVE, 4.0);
        assertThat(progress.cadence().weeklySlots()).isEqualTo(4);
    }

    @Test
    void progress_as_of_a_past_day_leaves_out_what_came_later() {
        History history = new History().held(PAIRED.plusDays(1), 3, true).held(PAIRED.plusDays(8), 5, false)
                .reflection(PAIRED.plusDays(2), ReflectionDepth.APPLYING, ReflectionDepth.ANALYSING)
                .observed(PAIRED.plusDays(9)).ended(PAIRED.plusDays(40));

        PairingProgress then = history.asOf(PAIRED.plusDays(2));

        assertThat(then.cadence().meetingsHeld()).isEqualTo(1);
        assertThat(then.confidence().latest()).isEqualTo(3);
        assertThat(then.reflections().series().get(0).mentorAssessed()).as("reviewed a day later").isNull();
        assertThat(then.observations().observed()).isZero();
        assertThat(then.status()).isEqualTo(PairingProgress.Status.ACTIVE);
    }

    @Test
    void a_trust_sets_its_own_thresholds() {
        RiskThresholds relaxed = new RiskThresholds(10, 30, 2, 3, 21, false, ReflectionDepth.UNDERSTANDING, 0, List.of());
        History history = new History().held(PAIRED.plusDays(1), 3, true).reflection(PAIRED.plusDays(18), ReflectionDepth.REMEMBERING, null)
                .reflection(PAIRED.plusDays(19), ReflectionDepth.REMEMBERING, null).reflection(PAIRED.plusDays(20), ReflectionDepth.REMEMBERING, null);

        assertThat(history.asOf(PAIRED.plusDays(21)).risks()).extracting(Risk::code)
                .contains(Risk.NO_RECENT_MEETING, Risk.NO_GROUND_RULES, Risk.SHALLOW_REFLECTIONS);
        assertThat(PairingProgress.of(history.build(), PAIRED.plusDays(21), relaxed).risks()).isEmpty();
    }

    private static String reason(PairingProgress progress, String code) {
        return progress.risks().stream().filter(risk -> risk.code().equals(code)).map(Risk::reason).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " in " + progress.risks()));
    }

    /** A pairing's history, written fact by fact. */
    static final class History {
        final UUID pairing = UUID.randomUUID();
        final List<LocalDate> groundRules = new ArrayList<>();
        final List<Meeting> meetings = new ArrayList<>();
        final List<SupportChange> support = new ArrayList<>();
        final List<Observation> observations = new ArrayList<>();
        final List<Reflection> reflections = new ArrayList<>();
        final List<Target> targets = new ArrayList<>();
        LocalDate endedOn;
        String endReason;

        History held(LocalDate on, int confidence, boolean quietRoom) {
            meetings.add(new Meeting(UUID.randomUUID().toString(), on, on, confidence, quietRoom, null, null, List.of()));
            return this;
        }

        /** A meeting the platform noticed was missed, and when it was held, if it was recorded late. */
        History missed(LocalDate scheduled, LocalDate noticed, LocalDate heldLate) {
            meetings.add(new Meeting(UUID.randomUUID().toString(), scheduled, heldLate, heldLate == null ? null : 3, false, noticed, null, List.of()));
            return this;
        }

        /** The mentee's own ratings of a meeting already held: confidence, then the day it was given, in pairs. */
        History ratedByTheMentee(LocalDate held, Object... ratings) {
            List<OwnRating> own = new ArrayList<>();
            for (int i = 0; i < ratings.length; i += 2) {
                own.add(new OwnRating(((LocalDate) ratings[i + 1]).atTime(19, 30).atZone(SchoolTime.ZONE).toInstant(), (Integer) ratings[i]));
            }
            Meeting meeting = meetings.stream().filter(candidate -> held.equals(candidate.heldOn())).findFirst().orElseThrow();
            meetings.set(meetings.indexOf(meeting), new Meeting(meeting.meetingId(), meeting.scheduledOn(), meeting.heldOn(), meeting.menteeConfidence(),
                    meeting.quietRoomBooked(), meeting.missedOn(), meeting.cancelledOn(), own));
            return this;
        }

        History groundRules(LocalDate on) {
            groundRules.add(on);
            return this;
        }

        History reflection(LocalDate on, ReflectionDepth self, ReflectionDepth mentor) {
            reflections.add(new Reflection(UUID.randomUUID().toString(), on, ReflectionModel.GIBBS, self, mentor, mentor == null ? null : on.plusDays(1)));
            return this;
        }

        History support(LocalDate on, SupportLevel from, SupportLevel to) {
            support.add(new SupportChange(on, from, to, to.isMoreSupportThan(from) ? SupportIncreaseReason.WELLBEING : null));
            return this;
        }

        History target(LocalDate on, IdentifiedBy by, LocalDate metOn) {
            targets.add(new Target(UUID.randomUUID().toString(), on, by, metOn));
            return this;
        }

        History observed(LocalDate on) {
            observations.add(new Observation(UUID.randomUUID().toString(), on, true));
            return this;
        }

        History ended(LocalDate on) {
            return ended(on, "PROGRAMME_COMPLETED");
        }

        History ended(LocalDate on, String reason) {
            endedOn = on;
            endReason = reason;
            return this;
        }

        /** Support stepped down, one level a fortnight, to the given level. */
        History steppedDownTo(SupportLevel level) {
            SupportLevel at = SupportLevel.INTENSIVE;
            for (int step = 1; at != level; step++) {
                SupportLevel next = SupportLevel.values()[at.ordinal() + 1];
                support(PAIRED.plusWeeks(2L * step), at, next);
                at = next;
            }
            return this;
        }

        PairingHistory build() {
            return new PairingHistory(pairing, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), MenteeStage.ECT_YEAR_1, PAIRED,
                    endedOn, endReason, null, groundRules, meetings, support, observations, reflections, targets);
        }

        PairingProgress asOf(LocalDate day) {
            return PairingProgress.of(build(), day, PRACTICE);
        }
    }
}
