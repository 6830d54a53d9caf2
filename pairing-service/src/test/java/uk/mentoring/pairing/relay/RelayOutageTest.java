package uk.mentoring.pairing.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.mentoring.kafka.KafkaBroker;
import uk.mentoring.pairing.PairingServiceTest;
import uk.mentoring.pairing.TestData;
import uk.mentoring.testkit.TestApi;
import uk.mentoring.testkit.TestInfrastructure;
import uk.mentoring.testkit.TopicProbe;

/** The event store is the outbox: with Kafka down, commands still succeed, and nothing is lost. */
@PairingServiceTest
class RelayOutageTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase database;

    @Test
    void commands_accepted_while_the_broker_is_down_are_all_published_once_it_is_back() {
        TestData data = new TestData(TestApi.at(port));
        UUID school = data.school();
        List<UUID> mentors = List.of(data.mentor(school), data.mentor(school));

        KafkaBroker broker = TestInfrastructure.kafka();
        List<UUID> created = new ArrayList<>();
        broker.stop();
        try {
            for (int i = 0; i < 6; i++) {
                UUID mentee = data.mentee(school);
                created.add(mentee);
                created.add(data.pairing(school, mentors.get(i % 2), mentee));
            }
            assertThat(database.getCollection("domainevents").countDocuments(Filters.eq("published", false)))
                    .as("events waiting in the store while Kafka is down").isGreaterThanOrEqualTo(12);
        } finally {
            broker.start();
        }

        Set<String> expected = created.stream().map(UUID::toString).collect(Collectors.toSet());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(TopicProbe.readAll("mentoring.pairing.v1").stream()
                        .map(record -> record.value().getSubject())
                        .collect(Collectors.toSet()))
                        .containsAll(expected));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(database.getCollection("domainevents").countDocuments(Filters.eq("published", false))).isZero());
    }
}
