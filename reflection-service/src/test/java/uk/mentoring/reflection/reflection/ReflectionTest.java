package uk.mentoring.reflection.reflection;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import uk.mentoring.contracts.MenteeStage;
import uk.mentoring.contracts.ReflectionDepth;
import uk.mentoring.contracts.ReflectionModel;
import uk.mentoring.contracts.reflection.ReflectionReviewed;
import uk.mentoring.contracts.reflection.ReflectionSubmitted;
import uk.mentoring.kit.domain.RuleViolation;
import uk.mentoring.kit.pairings.PairingDirectory.KnownPairing;

class ReflectionTest {

    static final KnownPairing PAIRING = new KnownPairing(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
            MenteeStage.ECT_YEAR_1, LocalDate.of(2026, 9, 7), Optional.empty());
    static final UUID REFLECTION = UUID.randomUUID();
    static final Instant EVENING = Instant.parse("2026-10-02T18:20:00Z");

    FixtureConfiguration<Reflection> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Reflection.class);
    }

    static Map<String, String> gibbs() {
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("description", "The class lost focus in the starter.");
        sections.put("feelings", "Rushed.");
        sections.put("evaluation", "Modelling went well.");
        sections.put("analysis", "Equipment was not ready.");
        sections.put("conclusion", "Preparation matters.");
        sections.put("actionPlan", "Hand out equipment first.");
        return sections;
    }

    @Test
    void a_gibbs_reflection_has_all_six_stages() {
        fixture.givenNoPriorActivity()
                .when(new SubmitReflection(REFLECTION, PAIRING, ReflectionModel.GIBBS, gibbs(), ReflectionDepth.ANALYSING, null, EVENING))
                .expectEvents(submitted(ReflectionModel.GIBBS, gibbs()));
    }

    @Test
    void a_gibbs_reflection_without_an_action_plan_is_refused() {
        Map<String, String> sections = gibbs();
        sections.remove("actionPlan");
        fixture.givenNoPriorActivity()
                .when(new SubmitReflection(REFLECTION, PAIRING, ReflectionModel.GIBBS, sections, ReflectionDepth.ANALYSING, null, EVENING))
                .expectExceptionMessage("A GIBBS reflection has the sections description, feelings, evaluation, analysis, conclusion, actionPlan; write actionPlan.")
                .expectNoEvents();
    }

    @Test
    void a_blank_section_counts_as_missing() {
        Map<String, String> sections = gibbs();
        sections.put("feelings", "   ");
        fixture.givenNoPriorActivity()
                .when(new SubmitReflection(REFLECTION, PAIRING, ReflectionModel.GIBBS, sections, ReflectionDepth.ANALYSING, null, EVENING))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_critical_incident_names_the_incident_its_key_points_and_what_changes() {
        Map<String, String> incident = Map.of("incident", "A pupil walked out", "keyPoints", "Trigger was a seating change",
                "whatChangesNext", "Warn about seating changes");
        fixture.givenNoPriorActivity()
                .when(new SubmitReflection(REFLECTION, PAIRING, ReflectionModel.CRITICAL_INCIDENT, incident, ReflectionDepth.UNDERSTANDING, null, EVENING))
                .expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity()
                .when(new SubmitReflection(REFLECTION, PAIRING, ReflectionModel.CRITICAL_INCIDENT, gibbs(), ReflectionDepth.UNDERSTANDING, null, EVENING))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_section_the_model_does_not_have_is_refused() {
        Map<String, String> sections = new LinkedHashMap<>(Map.of("text", "A free reflection"));
        sections.put("mood", "fine");
        fixture.givenNoPriorActivity()
                .when(new SubmitReflection(REFLECTION, PAIRING, ReflectionModel.FREE, sections, ReflectionDepth.REMEMBERING, null, EVENING))
                .expectExceptionMessage("A FREE reflection has no section mood; its sections are text.")
                .expectNoEvents();
    }

    @Test
    void a_private_note_is_kept_beside_the_reflection_and_not_in_it() {
        fixture.givenNoPriorActivity()
                .when(new SubmitReflection(REFLECTION, PAIRING, ReflectionModel.GIBBS, gibbs(), ReflectionDepth.ANALYSING, " Tired this week ", EVENING))
                .expectEvents(submitted(ReflectionModel.GIBBS, gibbs()), new PrivateNoteKept(REFLECTION, PAIRING.menteeId(), "Tired this week"));
    }

    @Test
    void the_mentor_reviews_a_reflection_once() {
        Instant monday = EVENING.plusSeconds(4 * 24 * 3600);
        fixture.given(submitted(ReflectionModel.GIBBS, gibbs()))
                .when(new ReviewReflection(REFLECTION, ReflectionDepth.EVALUATING, " Well analysed ", monday))
                .expectEvents(new ReflectionReviewed(REFLECTION, PAIRING.pairingId(), PAIRING.schoolId(), PAIRING.mentorId(), PAIRING.menteeId(),
                        ReflectionDepth.EVALUATING, "Well analysed", monday));
        fixture.given(submitted(ReflectionModel.GIBBS, gibbs()), new ReflectionReviewed(REFLECTION, PAIRING.pairingId(), PAIRING.schoolId(),
                        PAIRING.mentorId(), PAIRING.menteeId(), ReflectionDepth.EVALUATING, "Well analysed", monday))
                .when(new ReviewReflection(REFLECTION, ReflectionDepth.CREATING, "Again", monday))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_review_is_not_dated_before_the_reflection_was_written() {
        fixture.given(submitted(ReflectionModel.GIBBS, gibbs()))
                .when(new ReviewReflection(REFLECTION, ReflectionDepth.EVALUATING, "Well analysed", EVENING.minusSeconds(3600)))
                .expectExceptionMessage("reviewedAt (" + EVENING.minusSeconds(3600).truncatedTo(ChronoUnit.SECONDS) + ") is before the reflection was submitted, at "
                        + EVENING.truncatedTo(ChronoUnit.SECONDS) + ".")
                .expectNoEvents();
    }

    private ReflectionSubmitted submitted(ReflectionModel model, Map<String, String> sections) {
        return new ReflectionSubmitted(REFLECTION, PAIRING.pairingId(), PAIRING.schoolId(), PAIRING.mentorId(), PAIRING.menteeId(), model,
                sections, ReflectionDepth.ANALYSING, EVENING);
    }
}
