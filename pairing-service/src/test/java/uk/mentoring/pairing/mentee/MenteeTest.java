package uk.mentoring.pairing.mentee;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import uk.mentoring.contracts.MenteeStage;
import uk.mentoring.contracts.SupportLevel;
import uk.mentoring.contracts.pairing.GroundRulesAgreed;
import uk.mentoring.contracts.pairing.MenteeMovedSchool;
import uk.mentoring.contracts.pairing.SupportIncreaseReason;
import uk.mentoring.contracts.pairing.SupportLevelChanged;
import uk.mentoring.contracts.pairing.MenteeEnrolled;
import uk.mentoring.contracts.pairing.PairingCreated;
import uk.mentoring.contracts.pairing.PairingEndReason;
import uk.mentoring.contracts.pairing.PairingEnded;
import uk.mentoring.contracts.pairing.PersonForgotten;
import uk.mentoring.contracts.pairing.PersonRole;
import uk.mentoring.kit.domain.RuleViolation;
import uk.mentoring.kit.domain.SchoolTime;
import uk.mentoring.pairing.mentor.MentorProfile;
import uk.mentoring.pairing.mentor.Mentors;
import uk.mentoring.pairing.school.Schools;

class MenteeTest {

    static final UUID SCHOOL = UUID.randomUUID();
    static final UUID OTHER_SCHOOL = UUID.randomUUID();
    static final UUID MENTEE = UUID.randomUUID();
    static final UUID MENTOR = UUID.randomUUID();
    static final UUID MENTOR_ELSEWHERE = UUID.randomUUID();
    static final UUID MENTOR_WHO_IS_THE_MENTEE = UUID.randomUUID();
    static final UUID PAIRING = UUID.randomUUID();
    static final LocalDate SEPTEMBER = LocalDate.of(2026, 9, 7);

    FixtureConfiguration<Mentee> fixture;

    @BeforeEach
    void setUp() {
        Map<UUID, MentorProfile> mentors = Map.of(
                MENTOR, new MentorProfile(MENTOR, SCHOOL, "a.khan@riverside.example.org"),
                MENTOR_ELSEWHERE, new MentorProfile(MENTOR_ELSEWHERE, OTHER_SCHOOL, "j.doe@hillside.example.org"),
                MENTOR_WHO_IS_THE_MENTEE, new MentorProfile(MENTOR_WHO_IS_THE_MENTEE, SCHOOL, "T.Whitfield@riverside.example.org"));
        fixture = fixtureWith(mentor -> Optional.ofNullable(mentors.get(mentor)));
    }

    static FixtureConfiguration<Mentee> fixtureWith(Mentors mentors) {
        FixtureConfiguration<Mentee> fixture = new AggregateTestFixture<>(Mentee.class);
        fixture.registerInjectableResource((Schools) school -> Set.of(SCHOOL, OTHER_SCHOOL).contains(school));
        fixture.registerInjectableResource(mentors);
        return fixture;
    }

    @Test
    void a_mentee_is_enrolled_in_an_onboarded_school() {
        fixture.givenNoPriorActivity()
                .when(new EnrolMentee(MENTEE, SCHOOL, " Tom Whitfield ", "t.whitfield@riverside.example.org", MenteeStage.ECT_YEAR_1, List.of("football")))
                .expectEvents(new MenteeEnrolled(MENTEE, SCHOOL, "Tom Whitfield", "t.whitfield@riverside.example.org", MenteeStage.ECT_YEAR_1, List.of("football")));
    }

    @Test
    void no_mentee_is_enrolled_in_a_school_that_is_not_onboarded() {
        fixture.givenNoPriorActivity()
                .when(new EnrolMentee(MENTEE, UUID.randomUUID(), "Tom", "t@example.org", MenteeStage.TRAINEE, List.of()))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_mentee_is_paired_with_a_mentor_of_their_school() {
        fixture.given(enrolled())
                .when(new CreatePairing(PAIRING, SCHOOL, MENTOR, MENTEE, null, SEPTEMBER))
                .expectEvents(new PairingCreated(PAIRING, SCHOOL, MENTOR, MENTEE, MenteeStage.ECT_YEAR_1, SEPTEMBER));
    }

    @Test
    void the_pairing_may_set_a_stage_of_its_own() {
        fixture.given(enrolled())
                .when(new CreatePairing(PAIRING, SCHOOL, MENTOR, MENTEE, MenteeStage.NEW_MIDDLE_LEADER, SEPTEMBER))
                .expectEvents(new PairingCreated(PAIRING, SCHOOL, MENTOR, MENTEE, MenteeStage.NEW_MIDDLE_LEADER, SEPTEMBER));
    }

    @Test
    void a_mentor_of_another_school_cannot_be_the_mentor() {
        fixture.given(enrolled())
                .when(new CreatePairing(PAIRING, SCHOOL, MENTOR_ELSEWHERE, MENTEE, null, SEPTEMBER))
                .expectExceptionMessage("Mentor " + MENTOR_ELSEWHERE + " is not registered in school " + SCHOOL + ".")
                .expectNoEvents();
    }

    @Test
    void an_unknown_mentor_cannot_be_the_mentor() {
        fixture.given(enrolled())
                .when(new CreatePairing(PAIRING, SCHOOL, UUID.randomUUID(), MENTEE, null, SEPTEMBER))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void the_pairing_must_be_in_the_mentees_school() {
        fixture.given(enrolled())
                .when(new CreatePairing(PAIRING, OTHER_SCHOOL, MENTOR_ELSEWHERE, MENTEE, null, SEPTEMBER))
                .expectExceptionMessage("No mentee " + MENTEE + " is enrolled in school " + OTHER_SCHOOL + ".")
                .expectNoEvents();
    }

    @Test
    void a_teacher_is_not_paired_with_themself() {
        fixture.given(enrolled())
                .when(new CreatePairing(PAIRING, SCHOOL, MENTOR_WHO_IS_THE_MENTEE, MENTEE, null, SEPTEMBER))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("A teacher cannot be paired with themself: the mentor and the mentee are the same person.")
                .expectNoEvents();
    }

    @Test
    void a_mentee_has_one_active_pairing_at_a_time() {
        fixture.given(enrolled(), paired())
                .when(new CreatePairing(UUID.randomUUID(), SCHOOL, MENTOR, MENTEE, null, SEPTEMBER))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void an_active_pairing_ends() {
        fixture.given(enrolled(), paired())
                .when(new EndPairing(MENTEE, PAIRING, PairingEndReason.PROGRAMME_COMPLETED, SEPTEMBER.plusMonths(10)))
                .expectEvents(new PairingEnded(PAIRING, SCHOOL, MENTOR, MENTEE, PairingEndReason.PROGRAMME_COMPLETED, SEPTEMBER.plusMonths(10)));
    }

    @Test
    void a_pairing_does_not_end_before_it_started() {
        fixture.given(enrolled(), paired())
                .when(new EndPairing(MENTEE, PAIRING, PairingEndReason.OTHER, SEPTEMBER.minusDays(1)))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_pairing_called_off_before_it_began_ends_on_the_day_it_was_to_start() {
        LocalDate nextMonth = SchoolTime.today().plusMonths(1);
        fixture.given(enrolled(), new PairingCreated(PAIRING, SCHOOL, MENTOR, MENTEE, MenteeStage.ECT_YEAR_1, nextMonth))
                .when(new EndPairing(MENTEE, PAIRING, PairingEndReason.OTHER, SchoolTime.today()))
                .expectEvents(new PairingEnded(PAIRING, SCHOOL, MENTOR, MENTEE, PairingEndReason.OTHER, nextMonth));
    }

    @Test
    void an_ended_pairing_does_not_end_again() {
        fixture.given(enrolled(), paired(), new PairingEnded(PAIRING, SCHOOL, MENTOR, MENTEE, PairingEndReason.OTHER, SEPTEMBER))
                .when(new EndPairing(MENTEE, PAIRING, PairingEndReason.OTHER, SEPTEMBER))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void after_a_pairing_ends_the_mentee_is_paired_again_and_keeps_their_history() {
        UUID next = UUID.randomUUID();
        fixture.given(enrolled(), paired(), new PairingEnded(PAIRING, SCHOOL, MENTOR, MENTEE, PairingEndReason.MENTOR_CHANGED, SEPTEMBER.plusDays(30)))
                .when(new CreatePairing(next, SCHOOL, MENTOR, MENTEE, null, SEPTEMBER.plusDays(31)))
                .expectEvents(new PairingCreated(next, SCHOOL, MENTOR, MENTEE, MenteeStage.ECT_YEAR_1, SEPTEMBER.plusDays(31)));
    }

    @Test
    void nothing_new_is_recorded_about_a_person_who_has_been_forgotten() {
        PersonForgotten forgotten = new PersonForgotten(MENTEE, SCHOOL, PersonRole.MENTEE, SEPTEMBER.plusDays(60));
        fixture.given(enrolled(), forgotten)
                .when(new CreatePairing(PAIRING, SCHOOL, MENTOR, MENTEE, null, SEPTEMBER.plusDays(61)))
                .expectExceptionMessage("Mentee " + MENTEE + " has been forgotten; nothing new is recorded about them.")
                .expectNoEvents();
        fixture.given(enrolled(), forgotten)
                .when(new MoveMentee(MENTEE, OTHER_SCHOOL, SEPTEMBER.plusDays(61)))
                .expectException(RuleViolation.class)
                .expectNoEvents();
        fixtureWith(mentor -> Optional.of(new MentorProfile(MENTOR, SCHOOL, null, null, null, true)))
                .given(enrolled())
                .when(new CreatePairing(PAIRING, SCHOOL, MENTOR, MENTEE, null, SEPTEMBER))
                .expectExceptionMessage("Mentor " + MENTOR + " has been forgotten; nothing new is recorded about them.")
                .expectNoEvents();
        fixture.given(enrolled(), paired(), forgotten)
                .when(new EndPairing(MENTEE, PAIRING, PairingEndReason.MENTEE_LEFT_SCHOOL, SEPTEMBER.plusDays(61)))
                .expectEvents(new PairingEnded(PAIRING, SCHOOL, MENTOR, MENTEE, PairingEndReason.MENTEE_LEFT_SCHOOL, SEPTEMBER.plusDays(61)));
    }

    @Test
    void a_mentee_who_moved_school_is_moved_not_ended_out() {
        fixture.given(enrolled(), paired())
                .when(new EndPairing(MENTEE, PAIRING, PairingEndReason.MENTEE_MOVED_SCHOOL, SEPTEMBER.plusDays(20)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("A mentee who has moved school is moved, with POST /api/mentees/" + MENTEE + "/move {toSchoolId, movedOn}:"
                        + " their pairing here ends on that day and their history goes with them.")
                .expectNoEvents();
    }

    @Test
    void a_pairing_may_not_start_while_the_mentor_is_away() {
        fixtureWith(mentor -> Optional.of(new MentorProfile(MENTOR, SCHOOL, "a.khan@riverside.example.org", SEPTEMBER.minusDays(1), SEPTEMBER.plusDays(30))))
                .given(enrolled())
                .when(new CreatePairing(PAIRING, SCHOOL, MENTOR, MENTEE, null, SEPTEMBER))
                .expectExceptionMessage("Mentor " + MENTOR + " is unavailable from " + SEPTEMBER.minusDays(1) + " to " + SEPTEMBER.plusDays(30) + "; choose another mentor.")
                .expectNoEvents();
    }

    @Test
    void ground_rules_are_agreed_within_an_active_pairing() {
        fixture.given(enrolled(), paired())
                .when(new AgreeGroundRules(MENTEE, PAIRING, List.of(" Meet every week "), DayOfWeek.TUESDAY, LocalTime.of(15, 45), "Library", SEPTEMBER.plusDays(1)))
                .expectEvents(new GroundRulesAgreed(PAIRING, SCHOOL, MENTOR, MENTEE, List.of("Meet every week"), DayOfWeek.TUESDAY,
                        LocalTime.of(15, 45), "Library", SEPTEMBER.plusDays(1)));
    }

    @Test
    void the_weekly_meeting_is_on_a_school_day() {
        fixture.given(enrolled(), paired())
                .when(new AgreeGroundRules(MENTEE, PAIRING, List.of("Meet every week"), DayOfWeek.SATURDAY, LocalTime.of(10, 0), "Library", SEPTEMBER.plusDays(1)))
                .expectExceptionMessage("weeklyDay is SATURDAY; the weekly meeting falls on a school day, MONDAY to FRIDAY.")
                .expectNoEvents();
    }

    @Test
    void a_mentee_is_independent_once_support_has_been_stepped_down_to_light() {
        fixture.given(enrolled(), paired())
                .when(new EndPairing(MENTEE, PAIRING, PairingEndReason.MENTEE_INDEPENDENT, SEPTEMBER.plusDays(30)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Support is INTENSIVE: a mentee is independent once support has been stepped down to LIGHT, one step at a time"
                        + " (POST /api/pairings/" + PAIRING + "/support-level). To end the pairing now, give the reason that applies, such as"
                        + " PROGRAMME_COMPLETED or OTHER.")
                .expectNoEvents();
        fixture.given(enrolled(), paired(),
                        new SupportLevelChanged(PAIRING, SCHOOL, MENTOR, MENTEE, SupportLevel.INTENSIVE, SupportLevel.REGULAR, null, SEPTEMBER.plusDays(20)),
                        new SupportLevelChanged(PAIRING, SCHOOL, MENTOR, MENTEE, SupportLevel.REGULAR, SupportLevel.LIGHT, null, SEPTEMBER.plusDays(40)))
                .when(new EndPairing(MENTEE, PAIRING, PairingEndReason.MENTEE_INDEPENDENT, SEPTEMBER.plusDays(60)))
                .expectEvents(new PairingEnded(PAIRING, SCHOOL, MENTOR, MENTEE, PairingEndReason.MENTEE_INDEPENDENT, SEPTEMBER.plusDays(60)));
    }

    @Test
    void ground_rules_agreed_again_replace_the_ones_in_place_and_follow_them_in_time() {
        GroundRulesAgreed inPlace = new GroundRulesAgreed(PAIRING, SCHOOL, MENTOR, MENTEE, List.of("Meet every week"), DayOfWeek.TUESDAY,
                LocalTime.of(15, 45), "Library", SEPTEMBER.plusDays(20));
        fixture.given(enrolled(), paired(), inPlace)
                .when(new AgreeGroundRules(MENTEE, PAIRING, List.of("Meet every week"), DayOfWeek.MONDAY, LocalTime.of(15, 45), "Library", SEPTEMBER.plusDays(3)))
                .expectExceptionMessage("The ground rules in place were agreed on " + SEPTEMBER.plusDays(20) + "; rules that replace them cannot be dated "
                        + SEPTEMBER.plusDays(3) + ".")
                .expectNoEvents();
        fixture.given(enrolled(), paired(), inPlace)
                .when(new AgreeGroundRules(MENTEE, PAIRING, List.of("Meet every week"), DayOfWeek.MONDAY, LocalTime.of(15, 45), "Library", SEPTEMBER.plusDays(20)))
                .expectEvents(new GroundRulesAgreed(PAIRING, SCHOOL, MENTOR, MENTEE, List.of("Meet every week"), DayOfWeek.MONDAY,
                        LocalTime.of(15, 45), "Library", SEPTEMBER.plusDays(20)));
    }

    @Test
    void ground_rules_are_not_agreed_for_an_ended_pairing() {
        fixture.given(enrolled(), paired(), new PairingEnded(PAIRING, SCHOOL, MENTOR, MENTEE, PairingEndReason.OTHER, SEPTEMBER.plusDays(5)))
                .when(new AgreeGroundRules(MENTEE, PAIRING, List.of("Meet every week"), DayOfWeek.TUESDAY, LocalTime.of(15, 45), "Library", SEPTEMBER.plusDays(6)))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void support_steps_down_one_level_at_a_time() {
        fixture.given(enrolled(), paired())
                .when(new ChangeSupportLevel(MENTEE, PAIRING, SupportLevel.REGULAR, null, SEPTEMBER.plusDays(40)))
                .expectEvents(new SupportLevelChanged(PAIRING, SCHOOL, MENTOR, MENTEE, SupportLevel.INTENSIVE, SupportLevel.REGULAR, null, SEPTEMBER.plusDays(40)));
    }

    @Test
    void support_does_not_jump_from_intensive_to_independent() {
        fixture.given(enrolled(), paired())
                .when(new ChangeSupportLevel(MENTEE, PAIRING, SupportLevel.INDEPENDENT, null, SEPTEMBER.plusDays(40)))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void support_steps_back_up_only_with_a_reason() {
        SupportLevelChanged toRegular = new SupportLevelChanged(PAIRING, SCHOOL, MENTOR, MENTEE, SupportLevel.INTENSIVE, SupportLevel.REGULAR, null, SEPTEMBER.plusDays(40));
        fixture.given(enrolled(), paired(), toRegular)
                .when(new ChangeSupportLevel(MENTEE, PAIRING, SupportLevel.INTENSIVE, null, SEPTEMBER.plusDays(50)))
                .expectException(RuleViolation.class)
                .expectNoEvents();
        fixture.given(enrolled(), paired(), toRegular)
                .when(new ChangeSupportLevel(MENTEE, PAIRING, SupportLevel.INTENSIVE, SupportIncreaseReason.WELLBEING, SEPTEMBER.plusDays(50)))
                .expectEvents(new SupportLevelChanged(PAIRING, SCHOOL, MENTOR, MENTEE, SupportLevel.REGULAR, SupportLevel.INTENSIVE,
                        SupportIncreaseReason.WELLBEING, SEPTEMBER.plusDays(50)));
    }

    @Test
    void a_step_down_carries_no_reason_for_more_support() {
        fixture.given(enrolled(), paired())
                .when(new ChangeSupportLevel(MENTEE, PAIRING, SupportLevel.REGULAR, SupportIncreaseReason.WELLBEING, SEPTEMBER.plusDays(40)))
                .expectExceptionMessage("increaseReason says why support steps back up; from INTENSIVE to REGULAR it steps down, so leave it out.")
                .expectNoEvents();
    }

    @Test
    void the_same_support_level_again_is_no_change() {
        fixture.given(enrolled(), paired())
                .when(new ChangeSupportLevel(MENTEE, PAIRING, SupportLevel.INTENSIVE, null, SEPTEMBER.plusDays(3)))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_change_of_support_is_not_dated_before_the_change_it_follows() {
        SupportLevelChanged toRegular = new SupportLevelChanged(PAIRING, SCHOOL, MENTOR, MENTEE, SupportLevel.INTENSIVE, SupportLevel.REGULAR, null, SEPTEMBER.plusDays(40));
        fixture.given(enrolled(), paired(), toRegular)
                .when(new ChangeSupportLevel(MENTEE, PAIRING, SupportLevel.LIGHT, null, SEPTEMBER.plusDays(20)))
                .expectExceptionMessage("Support changed to REGULAR on " + SEPTEMBER.plusDays(40) + "; a later change cannot be dated "
                        + SEPTEMBER.plusDays(20) + ".")
                .expectNoEvents();
        fixture.given(enrolled(), paired(), toRegular)
                .when(new ChangeSupportLevel(MENTEE, PAIRING, SupportLevel.LIGHT, null, SEPTEMBER.plusDays(40)))
                .expectEvents(new SupportLevelChanged(PAIRING, SCHOOL, MENTOR, MENTEE, SupportLevel.REGULAR, SupportLevel.LIGHT, null, SEPTEMBER.plusDays(40)));
    }

    @Test
    void a_pairing_does_not_end_before_its_last_change_of_support() {
        SupportLevelChanged toRegular = new SupportLevelChanged(PAIRING, SCHOOL, MENTOR, MENTEE, SupportLevel.INTENSIVE, SupportLevel.REGULAR, null, SEPTEMBER.plusDays(40));
        fixture.given(enrolled(), paired(), toRegular)
                .when(new EndPairing(MENTEE, PAIRING, PairingEndReason.OTHER, SEPTEMBER.plusDays(39)))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_move_dated_before_the_last_change_of_support_ends_the_pairing_on_that_change() {
        SupportLevelChanged toRegular = new SupportLevelChanged(PAIRING, SCHOOL, MENTOR, MENTEE, SupportLevel.INTENSIVE, SupportLevel.REGULAR, null, SEPTEMBER.plusDays(40));
        fixture.given(enrolled(), paired(), toRegular)
                .when(new MoveMentee(MENTEE, OTHER_SCHOOL, SEPTEMBER.plusDays(30)))
                .expectEvents(new PairingEnded(PAIRING, SCHOOL, MENTOR, MENTEE, PairingEndReason.MENTEE_MOVED_SCHOOL, SEPTEMBER.plusDays(40)),
                        new MenteeMovedSchool(MENTEE, SCHOOL, OTHER_SCHOOL, SEPTEMBER.plusDays(30)));
    }

    @Test
    void a_move_is_not_dated_before_the_pairing_it_ends_the_one_that_ended_or_the_arrival_it_follows() {
        fixture.given(enrolled(), paired())
                .when(new MoveMentee(MENTEE, OTHER_SCHOOL, SEPTEMBER.minusDays(5)))
                .expectExceptionMessage("Mentee " + MENTEE + " has been in pairing " + PAIRING + " here since " + SEPTEMBER + "; a move cannot be dated "
                        + SEPTEMBER.minusDays(5) + ", before it.")
                .expectNoEvents();
        fixture.given(enrolled(), paired(), new PairingEnded(PAIRING, SCHOOL, MENTOR, MENTEE, PairingEndReason.PROGRAMME_COMPLETED, SEPTEMBER.plusDays(20)))
                .when(new MoveMentee(MENTEE, OTHER_SCHOOL, SEPTEMBER.plusDays(10)))
                .expectExceptionMessage("Mentee " + MENTEE + "'s last pairing here ended on " + SEPTEMBER.plusDays(20) + "; a move cannot be dated "
                        + SEPTEMBER.plusDays(10) + ", before that.")
                .expectNoEvents();
        fixture.given(enrolled(), new MenteeMovedSchool(MENTEE, SCHOOL, OTHER_SCHOOL, SEPTEMBER.plusDays(30)))
                .when(new MoveMentee(MENTEE, SCHOOL, SEPTEMBER.plusDays(29)))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_mentee_moving_school_ends_their_pairing_and_keeps_their_history() {
        LocalDate january = LocalDate.of(2027, 1, 4);
        fixture.given(enrolled(), paired())
                .when(new MoveMentee(MENTEE, OTHER_SCHOOL, january))
                .expectEvents(new PairingEnded(PAIRING, SCHOOL, MENTOR, MENTEE, PairingEndReason.MENTEE_MOVED_SCHOOL, january),
                        new MenteeMovedSchool(MENTEE, SCHOOL, OTHER_SCHOOL, january));
    }

    @Test
    void after_moving_the_mentee_is_paired_in_their_new_school() {
        LocalDate january = LocalDate.of(2027, 1, 4);
        fixture.given(enrolled(), new MenteeMovedSchool(MENTEE, SCHOOL, OTHER_SCHOOL, january))
                .when(new CreatePairing(PAIRING, OTHER_SCHOOL, MENTOR_ELSEWHERE, MENTEE, null, january))
                .expectEvents(new PairingCreated(PAIRING, OTHER_SCHOOL, MENTOR_ELSEWHERE, MENTEE, MenteeStage.ECT_YEAR_1, january));
    }

    @Test
    void a_mentee_does_not_move_to_a_school_outside_the_trust() {
        fixture.given(enrolled())
                .when(new MoveMentee(MENTEE, UUID.randomUUID(), LocalDate.of(2027, 1, 4)))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    static MenteeEnrolled enrolled() {
        return new MenteeEnrolled(MENTEE, SCHOOL, "Tom Whitfield", "t.whitfield@riverside.example.org", MenteeStage.ECT_YEAR_1, List.of());
    }

    static PairingCreated paired() {
        return new PairingCreated(PAIRING, SCHOOL, MENTOR, MENTEE, MenteeStage.ECT_YEAR_1, SEPTEMBER);
    }
}
