package uk.mentoring.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import uk.mentoring.contracts.MenteeStage;
import uk.mentoring.contracts.SealedText;
import uk.mentoring.contracts.pairing.MenteeEnrolled;
import uk.mentoring.contracts.pairing.PairingCreated;
import uk.mentoring.contracts.pairing.PairingEndReason;
import uk.mentoring.contracts.pairing.PairingEnded;
import uk.mentoring.kit.consuming.EventInbox;
import uk.mentoring.kit.pairings.PairingDirectory;

/**
 * What every service that works within pairings does at start and as pairings come and go: it
 * reports healthy, and learns who mentors whom from the pairing topic. A service's test extends
 * this and hands over its port and its directory.
 */
public abstract class KnownPairingsChecks {

    protected abstract int port();

    protected abstract PairingDirectory pairings();

    protected abstract EventInbox inbox();

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

    @Test
    void passes_over_events_it_has_no_use_for_without_remembering_them() {
        try (TestPublisher publisher = new TestPublisher()) {
            UUID pairing = UUID.randomUUID();
            UUID school = UUID.randomUUID();
            UUID mentee = UUID.randomUUID();
            // both keyed by the mentee, so the enrolment is read first
            String enrolled = publisher.publish(new MenteeEnrolled(mentee, school, SealedText.ERASED, SealedText.ERASED, MenteeStage.TRAINEE, List.of()));
            String paired = publisher.publish(new PairingCreated(pairing, school, UUID.randomUUID(), mentee, MenteeStage.TRAINEE, LocalDate.now()));

            await().atMost(Duration.ofSeconds(20)).until(() -> inbox().hasHandled(paired));
            assertThat(pairings().find(pairing)).isPresent();
            assertThat(inbox().hasHandled(enrolled)).as("an enrolment, which this service does not use, left in its inbox").isFalse();
        }
    }
}
