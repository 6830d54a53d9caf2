package uk.mentoring.meeting.observation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import uk.mentoring.contracts.meeting.FeedbackGiven;
import uk.mentoring.contracts.meeting.LessonObserved;
import uk.mentoring.kit.domain.RuleViolation;
import uk.mentoring.meeting.diary.Pairing;

class ObservationTest {

    static final Pairing PAIRING = new Pairing(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    static final UUID OBSERVATION = UUID.randomUUID();
    static final Instant LESSON = Instant.parse("2026-10-01T09:10:00Z");

    FixtureConfiguration<Observation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Observation.class);
    }

    @Test
    void a_lesson_is_observed_with_its_strengths_and_development_points() {
        fixture.givenNoPriorActivity()
                .when(new ObserveLesson(OBSERVATION, PAIRING, LESSON, " Questioning ", List.of("Calm start"), List.of("Wait time")))
                .expectEvents(observed());
    }

    @Test
    void an_observation_names_something_it_saw() {
        fixture.givenNoPriorActivity()
                .when(new ObserveLesson(OBSERVATION, PAIRING, LESSON, "Questioning", List.of(), List.of()))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void feedback_follows_an_observation_once() {
        Instant afternoon = LESSON.plusSeconds(6 * 3600);
        fixture.given(observed())
                .when(new GiveFeedback(OBSERVATION, " More wait time. ", afternoon))
                .expectEvents(new FeedbackGiven(OBSERVATION, PAIRING.pairingId(), PAIRING.schoolId(), PAIRING.mentorId(), PAIRING.menteeId(),
                        "More wait time.", afternoon));
        fixture.given(observed(), new FeedbackGiven(OBSERVATION, PAIRING.pairingId(), PAIRING.schoolId(), PAIRING.mentorId(), PAIRING.menteeId(),
                        "More wait time.", afternoon))
                .when(new GiveFeedback(OBSERVATION, "Again", afternoon))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void feedback_is_not_dated_before_the_lesson_was_seen() {
        fixture.given(observed())
                .when(new GiveFeedback(OBSERVATION, "More wait time.", LESSON.minusSeconds(60)))
                .expectExceptionMessage("givenAt (" + LESSON.minusSeconds(60).truncatedTo(ChronoUnit.SECONDS) + ") is before the lesson was observed, at "
                        + LESSON.truncatedTo(ChronoUnit.SECONDS) + ".")
                .expectNoEvents();
    }

    private LessonObserved observed() {
        return new LessonObserved(OBSERVATION, PAIRING.pairingId(), PAIRING.schoolId(), PAIRING.mentorId(), PAIRING.menteeId(), LESSON,
                "Questioning", List.of("Calm start"), List.of("Wait time"));
    }
}
