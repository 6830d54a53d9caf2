package uk.mentoring.pairing.mentor;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import uk.mentoring.contracts.pairing.MentorAvailabilityChanged;
import uk.mentoring.contracts.pairing.MentorRegistered;
import uk.mentoring.kit.domain.RuleViolation;
import uk.mentoring.pairing.school.Schools;

class MentorTest {

    static final UUID SCHOOL = UUID.randomUUID();
    static final UUID MENTOR = UUID.randomUUID();
    static final LocalDate FEBRUARY = LocalDate.of(2027, 2, 1);

    FixtureConfiguration<Mentor> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Mentor.class);
        fixture.registerInjectableResource((Schools) school -> school.equals(SCHOOL));
    }

    @Test
    void a_mentor_is_registered_in_an_onboarded_school() {
        fixture.givenNoPriorActivity()
                .when(new RegisterMentor(MENTOR, SCHOOL, "Amira Khan ", " a.khan@example.org", List.of("Maths"), List.of()))
                .expectEvents(new MentorRegistered(MENTOR, SCHOOL, "Amira Khan", "a.khan@example.org", List.of("Maths"), List.of()));
    }

    @Test
    void no_mentor_is_registered_in_a_school_that_is_not_onboarded() {
        fixture.givenNoPriorActivity()
                .when(new RegisterMentor(MENTOR, UUID.randomUUID(), "Amira Khan", "a.khan@example.org", List.of(), List.of()))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_mentor_says_when_they_will_be_away_and_when_they_are_back() {
        fixture.given(registered())
                .when(new ChangeMentorAvailability(MENTOR, FEBRUARY, FEBRUARY.plusMonths(3)))
                .expectEvents(new MentorAvailabilityChanged(MENTOR, SCHOOL, FEBRUARY, FEBRUARY.plusMonths(3)));
        fixture.given(registered(), new MentorAvailabilityChanged(MENTOR, SCHOOL, FEBRUARY, FEBRUARY.plusMonths(3)))
                .when(new ChangeMentorAvailability(MENTOR, null, null))
                .expectEvents(new MentorAvailabilityChanged(MENTOR, SCHOOL, null, null));
    }

    @Test
    void an_absence_does_not_end_before_it_starts() {
        fixture.given(registered())
                .when(new ChangeMentorAvailability(MENTOR, FEBRUARY, FEBRUARY.minusDays(1)))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    static MentorRegistered registered() {
        return new MentorRegistered(MENTOR, SCHOOL, "Amira Khan", "a.khan@example.org", List.of(), List.of());
    }
}
