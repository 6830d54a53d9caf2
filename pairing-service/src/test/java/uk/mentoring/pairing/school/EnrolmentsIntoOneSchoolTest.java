package uk.mentoring.pairing.school;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.mentoring.pairing.AggregateIds;
import uk.mentoring.pairing.PairingServiceTest;
import uk.mentoring.pairing.TestData;
import uk.mentoring.testkit.TestApi;
import uk.mentoring.testkit.TestIdentityProvider.Person;

/**
 * A school's lead enrols a whole cohort at the start of the year: the enrolments must not queue
 * behind one another because each asks whether the school is on the platform.
 */
@PairingServiceTest
class EnrolmentsIntoOneSchoolTest {

    @LocalServerPort
    int port;

    @Autowired
    Repository<School> schools;

    @Test
    void an_enrolment_does_not_wait_while_the_school_is_held_elsewhere() throws Exception {
        UUID school = new TestData(TestApi.at(port)).school();
        // the school held as a command on it holds it, until its unit of work ends
        UnitOfWork<?> holding = DefaultUnitOfWork.startAndGet(null);
        try {
            schools.load(AggregateIds.school(school));

            CompletableFuture<TestApi.Answer> enrolment = CompletableFuture.supplyAsync(() -> enrol(school));

            assertThat(enrolment.get(20, TimeUnit.SECONDS).status()).isEqualTo(201);
        } finally {
            holding.rollback();
        }
    }

    @Test
    void a_school_not_yet_on_the_platform_is_asked_after_again_once_it_is() {
        String urn = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 9_999_999));
        UUID school = OnboardSchool.idFor(urn);

        assertThat(enrol(school).status()).isEqualTo(404);

        TestApi.Answer onboarded = TestApi.at(port).as(Person.trustLead()).post("/api/schools",
                Map.of("name", "Late Academy " + urn, "urn", urn, "phase", "PRIMARY"));
        assertThat(onboarded.status()).isEqualTo(201);
        assertThat(onboarded.id()).isEqualTo(school.toString());
        assertThat(enrol(school).status()).isEqualTo(201);
    }

    private TestApi.Answer enrol(UUID school) {
        return TestApi.at(port).as(Person.schoolLead(school))
                .post("/api/schools/" + school + "/mentees", Map.of("displayName", "Ada Cole", "email", TestData.email(), "stage", "TRAINEE"));
    }
}
