package uk.mentoring.pairing.mentee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.mentoring.pairing.PairingServiceTest;
import uk.mentoring.pairing.TestData;
import uk.mentoring.testkit.TestApi;
import uk.mentoring.testkit.TestIdentityProvider.Person;
import uk.mentoring.testkit.TopicProbe;

@PairingServiceTest
class PairingThroughTheApiTest {

    @LocalServerPort
    int port;

    TestApi api;
    TestData data;

    @BeforeEach
    void setUp() {
        api = TestApi.at(port);
        data = new TestData(api);
    }

    @Test
    void a_pairing_made_through_the_api_is_published_as_a_cloud_event() {
        UUID school = data.school();
        UUID mentor = data.mentor(school);
        UUID mentee = data.mentee(school);

        TestApi.Answer created = api.as(Person.schoolLead(school)).post("/api/pairings",
                Map.of("schoolId", school, "mentorId", mentor, "menteeId", mentee));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String pairing = created.id();
        assertThat(created.header("Location")).contains("/api/analytics/pairings/" + pairing);

        ConsumerRecord<String, CloudEvent> record = await().atMost(Duration.ofSeconds(20))
                .until(() -> find(pairing, "uk.mentoring.pairing.PairingCreated.v1"), found -> found != null);
        CloudEvent event = record.value();
        assertThat(event.getSource()).hasToString("/mentoring/pairing-service");
        assertThat(event.getSubject()).isEqualTo(pairing);
        assertThat(event.getExtension("schoolid")).isEqualTo(school.toString());
        assertThat(event.getExtension("menteeid")).isEqualTo(mentee.toString());
        assertThat(record.key()).isEqualTo(mentee.toString());
        assertThat(new String(event.getData().toBytes())).contains("\"mentorId\":\"" + mentor + "\"");
        assertThat(record.headers().lastHeader("content-type").value()).asString().startsWith("application/cloudevents+json");
    }

    @Test
    void a_mentee_is_paired_with_one_mentor_at_a_time() {
        UUID school = data.school();
        UUID mentee = data.mentee(school);
        data.pairing(school, data.mentor(school), mentee);

        TestApi.Answer second = api.as(Person.schoolLead(school)).post("/api/pairings",
                Map.of("schoolId", school, "mentorId", data.mentor(school), "menteeId", mentee));

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.isProblem()).isTrue();
        assertThat(second.json().path("type").asText()).isEqualTo("/problems/mentee-already-paired");
    }

    @Test
    void mentor_and_mentee_must_be_of_the_pairing_school() {
        UUID school = data.school();
        UUID otherSchool = data.school();
        UUID mentee = data.mentee(school);

        TestApi.Answer answer = api.as(Person.schoolLead(school)).post("/api/pairings",
                Map.of("schoolId", school, "mentorId", data.mentor(otherSchool), "menteeId", mentee));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().path("type").asText()).isEqualTo("/problems/mentor-not-in-school");
    }

    @Test
    void an_ended_pairing_frees_the_mentee_for_a_new_mentor() {
        UUID school = data.school();
        UUID mentee = data.mentee(school);
        UUID pairing = data.pairing(school, data.mentor(school), mentee);

        TestApi.Answer ended = api.as(Person.schoolLead(school)).post("/api/pairings/" + pairing + "/end", Map.of("reason", "MENTOR_CHANGED"));
        assertThat(ended.status()).as(ended.toString()).isEqualTo(200);

        assertThat(data.pairing(school, data.mentor(school), mentee)).isNotEqualTo(pairing);
        TestApi.Answer again = api.as(Person.schoolLead(school)).post("/api/pairings/" + pairing + "/end", Map.of("reason", "OTHER"));
        assertThat(again.status()).isEqualTo(409);
    }

    private static ConsumerRecord<String, CloudEvent> find(String subject, String type) {
        List<ConsumerRecord<String, CloudEvent>> records = TopicProbe.readAll("mentoring.pairing.v1");
        return records.stream()
                .filter(record -> subject.equals(record.value().getSubject()) && type.equals(record.value().getType()))
                .findFirst().orElse(null);
    }
}
