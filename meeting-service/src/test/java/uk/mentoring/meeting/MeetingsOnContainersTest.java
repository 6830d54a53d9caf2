package uk.mentoring.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.mentoring.kit.pairings.PairingDirectory;
import uk.mentoring.testkit.OnContainers;
import uk.mentoring.testkit.TestApi;
import uk.mentoring.testkit.TestPairings;
import uk.mentoring.testkit.TestPairings.Members;
import uk.mentoring.testkit.TestPublisher;
import uk.mentoring.testkit.TopicProbe;

/**
 * The meeting service on a Kafka broker and a MongoDB replica set in containers: it learns of a
 * pairing from the pairing topic there, and a meeting held reaches the meeting topic. Skipped
 * where no Docker engine answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OnContainers
class MeetingsOnContainersTest {

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    @Autowired
    PairingDirectory pairings;

    @Test
    void a_meeting_held_in_a_pairing_learnt_from_the_topic_is_published() {
        Members members;
        try (TestPublisher publisher = new TestPublisher(kafka)) {
            members = TestPairings.published(publisher, pairings);
        }
        TestApi mentor = TestApi.at(port).as(members.mentorPerson());
        String when = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES).toString();
        String meeting = mentor.post("/api/meetings", Map.of("pairingId", members.pairing(), "scheduledFor", when,
                "durationMinutes", 45, "room", "Library quiet room")).id();

        TestApi.Answer held = mentor.post("/api/meetings/" + meeting + "/held", Map.of("heldAt", when, "durationMinutes", 45,
                "quietRoomBooked", true, "topics", List.of("Ground rules"), "agreedActions", List.of(), "menteeConfidence", 3));
        assertThat(held.status()).as(held.toString()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(TopicProbe.readAll(kafka, "mentoring.meeting.v1").stream()
                .filter(record -> meeting.equals(record.value().getSubject())).map(record -> record.value().getType()))
                .containsExactly("uk.mentoring.meeting.MeetingScheduled.v1", "uk.mentoring.meeting.MeetingHeld.v2"));
    }
}
