package uk.mentoring.reflection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.mentoring.contracts.MenteeStage;
import uk.mentoring.contracts.pairing.PairingCreated;
import uk.mentoring.contracts.pairing.PairingEndReason;
import uk.mentoring.contracts.pairing.PairingEnded;
import uk.mentoring.kit.pairings.PairingDirectory;
import uk.mentoring.testkit.TestApi;
import uk.mentoring.testkit.TestPublisher;

/** The service starts healthy on the test kit and learns who mentors whom from the pairing topic. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KnownPairingsTest {

    @LocalServerPort
    int port;

    @Autowired
    PairingDirectory pairings;

    @Test
    void reports_healthy() {
        TestApi.Answer health = TestApi.at(port).get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void learns_pairings_and_their_end_from_the_pairing_topic() {
        UUID pairing = UUID.randomUUID();
        UUID school = UUID.randomUUID();
        UUID mentor = UUID.randomUUID();
        UUID mentee = UUID.randomUUID();
        try (TestPublisher publisher = new TestPublisher()) {
            publisher.publish(new PairingCreated(pairing, school, mentor, mentee, MenteeStage.TRAINEE, LocalDate.of(2026, 9, 7)));
            await().atMost(Duration.ofSeconds(20)).until(() -> pairings.find(pairing).isPresent());
            PairingDirectory.KnownPairing known = pairings.find(pairing).orElseThrow();
            assertThat(known.mentorId()).isEqualTo(mentor);
            assertThat(known.menteeId()).isEqualTo(mentee);
            assertThat(known.schoolId()).isEqualTo(school);
            assertThat(known.isActive()).isTrue();

            publisher.publish(new PairingEnded(pairing, school, mentor, mentee, PairingEndReason.PROGRAMME_COMPLETED, LocalDate.of(2027, 7, 16)));
            await().atMost(Duration.ofSeconds(20)).until(() -> !pairings.find(pairing).orElseThrow().isActive());
        }
    }
}
