package uk.mentoring.pairing.mentee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.mentoring.pairing.PairingServiceTest;
import uk.mentoring.pairing.TestData;
import uk.mentoring.testkit.OnContainers;
import uk.mentoring.testkit.TestApi;
import uk.mentoring.testkit.TestIdentityProvider.Person;
import uk.mentoring.testkit.TopicProbe;

/**
 * The pairing service on a Kafka broker and a MongoDB replica set in containers, as it runs in a
 * trust's deployment: the event store's writes are transactions there, which the embedded MongoDB
 * only imitates. Skipped where no Docker engine answers.
 */
@PairingServiceTest
@OnContainers
class PairingOnContainersTest {

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    @Test
    void a_pairing_is_stored_once_and_published_as_a_cloud_event() {
        TestApi api = TestApi.at(port);
        TestData data = new TestData(api);
        UUID school = data.school();
        UUID mentor = data.mentor(school);
        UUID mentee = data.mentee(school);
        Map<String, Object> pairing = Map.of("schoolId", school, "mentorId", mentor, "menteeId", mentee);

        TestApi.Answer created = api.as(Person.schoolLead(school)).post("/api/pairings", pairing);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        TestApi.Answer again = api.as(Person.schoolLead(school)).post("/api/pairings", pairing);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("type").asText()).isEqualTo("/problems/mentee-already-paired");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(TopicProbe.readAll(kafka, "mentoring.pairing.v1").stream()
                .filter(record -> record.value().getType().equals("uk.mentoring.pairing.PairingCreated.v1"))
                .filter(record -> created.id().equals(record.value().getSubject())))
                .singleElement().satisfies(record -> assertThat(record.key()).isEqualTo(mentee.toString())));
    }
}
