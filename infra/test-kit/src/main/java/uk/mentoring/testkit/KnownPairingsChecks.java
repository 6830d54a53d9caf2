package uk.mentoring.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import uk.mentoring.contracts.pairing.PairingEndReason;
import uk.mentoring.contracts.pairing.PairingEnded;
import uk.mentoring.kit.pairings.PairingDirectory;

/**
 * What every service that works within pairings does at start and as pairings come and go: it
 * reports healthy, and learns who mentors whom from the pairing topic. A service's test extends
 * this and hands over its port and its directory.
 */
public abstract class KnownPairingsChecks {

    protected abstract int port();

    protected abstract PairingDirectory pairings();

    @Test
    void reports_healthy() {
        TestApi.Answer health = TestApi.at(port()).get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void learns_pairings_and_their_end_from_the_pairing_topic() {
        try (TestPublisher publisher = new TestPublisher()) {
            TestPairings.Members members = TestPairings.published(publisher, pairings());
            PairingDirectory.KnownPairing known = pairings().find(members.pairing()).orElseThrow();
            assertThat(known.mentorId()).isEqualTo(members.mentor());
            assertThat(known.menteeId()).isEqualTo(members.mentee());
            assertThat(known.schoolId()).isEqualTo(members.school());
            assertThat(known.isActive()).isTrue();

            publisher.publish(new PairingEnded(members.pairing(), members.school(), members.mentor(), members.mentee(),
                    PairingEndReason.PROGRAMME_COMPLETED, LocalDate.of(2027, 7, 16)));
            await().atMost(Duration.ofSeconds(20)).until(() -> !pairings().find(members.pairing()).orElseThrow().isActive());
        }
    }
}
