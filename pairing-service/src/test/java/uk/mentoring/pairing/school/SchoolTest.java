package uk.mentoring.pairing.school;

import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import uk.mentoring.contracts.SchoolPhase;
import uk.mentoring.contracts.pairing.SchoolOnboarded;
import uk.mentoring.kit.domain.RuleViolation;

class SchoolTest {

    static final UUID SCHOOL = OnboardSchool.idFor("140123");

    FixtureConfiguration<School> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(School.class);
    }

    @Test
    void a_school_of_the_trust_is_onboarded() {
        fixture.givenNoPriorActivity()
                .when(new OnboardSchool(SCHOOL, " Riverside Primary Academy ", "140123", SchoolPhase.PRIMARY))
                .expectEvents(new SchoolOnboarded(SCHOOL, "Riverside Primary Academy", "140123", SchoolPhase.PRIMARY));
    }

    @Test
    void a_school_is_onboarded_once() {
        fixture.given(new SchoolOnboarded(SCHOOL, "Riverside Primary Academy", "140123", SchoolPhase.PRIMARY))
                .when(new OnboardSchool(SCHOOL, "Riverside Primary Academy", "140123", SchoolPhase.PRIMARY))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }
}
