package uk.mentoring.reflection.target;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import uk.mentoring.contracts.MenteeStage;
import uk.mentoring.contracts.reflection.DevelopmentTargetMet;
import uk.mentoring.contracts.reflection.DevelopmentTargetSet;
import uk.mentoring.contracts.reflection.IdentifiedBy;
import uk.mentoring.kit.domain.RuleViolation;
import uk.mentoring.kit.pairings.PairingDirectory.KnownPairing;

class DevelopmentTargetTest {

    static final KnownPairing PAIRING = new KnownPairing(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
            MenteeStage.TRAINEE, LocalDate.of(2026, 9, 7), Optional.empty());
    static final UUID TARGET = UUID.randomUUID();
    static final LocalDate OCTOBER = LocalDate.of(2026, 10, 6);

    FixtureConfiguration<DevelopmentTarget> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DevelopmentTarget.class);
    }

    @Test
    void a_target_is_set_by_the_person_who_saw_the_need() {
        fixture.givenNoPriorActivity()
                .when(new SetDevelopmentTarget(TARGET, PAIRING, " Wait time after questions ", IdentifiedBy.MENTEE, OCTOBER))
                .expectEvents(set());
    }

    @Test
    void a_target_is_met_once_and_not_before_it_was_set() {
        fixture.given(set())
                .when(new MeetDevelopmentTarget(TARGET, OCTOBER.plusWeeks(6)))
                .expectEvents(new DevelopmentTargetMet(TARGET, PAIRING.pairingId(), PAIRING.schoolId(), PAIRING.mentorId(), PAIRING.menteeId(),
                        OCTOBER.plusWeeks(6)));
        fixture.given(set())
                .when(new MeetDevelopmentTarget(TARGET, OCTOBER.minusDays(1)))
                .expectException(RuleViolation.class)
                .expectNoEvents();
        fixture.given(set(), new DevelopmentTargetMet(TARGET, PAIRING.pairingId(), PAIRING.schoolId(), PAIRING.mentorId(), PAIRING.menteeId(), OCTOBER))
                .when(new MeetDevelopmentTarget(TARGET, OCTOBER.plusDays(1)))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    private DevelopmentTargetSet set() {
        return new DevelopmentTargetSet(TARGET, PAIRING.pairingId(), PAIRING.schoolId(), PAIRING.mentorId(), PAIRING.menteeId(),
                "Wait time after questions", IdentifiedBy.MENTEE, OCTOBER);
    }
}
