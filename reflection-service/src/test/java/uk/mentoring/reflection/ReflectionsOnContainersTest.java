package uk.mentoring.reflection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

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
 * The reflection service on a Kafka broker and a MongoDB replica set in containers: a reflection
 * in a pairing learnt from the topic there reaches the reflection topic, its private note left
 * behind. Skipped where no Docker engine answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OnContainers
class ReflectionsOnContainersTest {

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    @Autowired
    PairingDirectory pairings;

    @Test
    void a_reflection_is_published_without_its_private_note() {
        Members members;
        try (TestPublisher publisher = new TestPublisher(kafka)) {
            members = TestPairings.published(publisher, pairings);
        }
        TestApi.Answer submitted = TestApi.at(port).as(members.menteePerson())
                .post("/api/reflections", ReflectionsThroughTheApiTest.gibbs(members.pairing(), "Only for me"));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(TopicProbe.readAll(kafka, "mentoring.reflection.v1").stream()
                .filter(record -> submitted.id().equals(record.value().getSubject())))
                .singleElement().satisfies(record -> {
                    assertThat(record.value().getType()).isEqualTo("uk.mentoring.reflection.ReflectionSubmitted.v2");
                    assertThat(new String(record.value().getData().toBytes())).doesNotContain("Only for me");
                }));
    }
}
