package uk.mentoring.pairing.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.mentoring.contracts.SealedText;
import uk.mentoring.kit.events.EventJson;
import uk.mentoring.pairing.PairingServiceTest;
import uk.mentoring.pairing.TestData;
import uk.mentoring.testkit.TestApi;
import uk.mentoring.testkit.TestIdentityProvider.Person;
import uk.mentoring.testkit.TopicProbe;

/**
 * A person's names, address, interests and the ground rules of their pairing are stored and
 * published sealed with their key; forgetting them destroys the key, and what they were reads as
 * erased while their history stays.
 */
@PairingServiceTest
class ForgettingTest {

    private static final Person ANALYTICS = Person.withRoles(List.of("PERSONAL_DATA_READER"));

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase serviceDatabase;

    TestApi api;
    TestData data;

    @BeforeEach
    void setUp() {
        api = TestApi.at(port);
        data = new TestData(api);
    }

    @Test
    void a_forgotten_mentee_reads_as_erased_everywhere_and_their_history_stays() throws Exception {
        UUID school = data.school();
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String name = "Ffion Marwood-" + marker;
        String email = "ffion." + marker + "@school.example.org";
        String interest = "Fell running " + marker;
        String rule = "We speak openly " + marker;
        TestApi lead = api.as(Person.schoolLead(school));
        UUID mentee = UUID.fromString(lead.post("/api/schools/" + school + "/mentees",
                Map.of("displayName", name, "email", email, "stage", "TRAINEE", "interests", List.of(interest))).id());
        UUID mentor = data.mentor(school);
        UUID pairing = data.pairing(school, mentor, mentee);
        assertThat(lead.post("/api/pairings/" + pairing + "/ground-rules", groundRules(rule)).status()).isEqualTo(200);

        List<String> sealed = await().atMost(Duration.ofSeconds(20)).until(() -> sealedValuesOf(mentee), values -> values.size() >= 4);
        assertThat(sealed).allMatch(SealedText::isSealed);
        assertThat(readableAnywhere(name, email, interest, rule)).as("never readable at rest or on Kafka, even before forgetting").isEmpty();
        assertThat(open(sealed)).contains(name, email, interest, rule);

        assertThat(api.as(Person.schoolLead(data.school())).post("/api/people/" + mentee + "/forget", Map.of()).status())
                .as("another school's lead cannot tell the person exists").isEqualTo(404);
        assertThat(api.as(Person.mentor(mentor, school)).post("/api/people/" + mentee + "/forget", Map.of()).status()).isEqualTo(403);
        assertThat(lead.post("/api/people/" + UUID.randomUUID() + "/forget", Map.of()).status()).isEqualTo(404);

        TestApi.Answer forgotten = lead.post("/api/people/" + mentee + "/forget", Map.of());
        assertThat(forgotten.status()).as(forgotten.toString()).isEqualTo(202);
        assertThat(forgotten.json().path("roles").toString()).isEqualTo("[\"MENTEE\"]");
        assertThat(forgotten.json().path("detail").asText()).startsWith("Their name, contact details, interests and everything written in their record");
        assertThat(lead.post("/api/people/" + mentee + "/forget", Map.of()).status()).as("asking again is harmless").isEqualTo(202);

        assertThat(open(sealed)).as("nothing sealed with their key opens any more").containsOnly(SealedText.ERASED);
        // each request is announced, so a service that missed the first hears the second
        List<ConsumerRecord<String, io.cloudevents.CloudEvent>> told = await().atMost(Duration.ofSeconds(20))
                .until(() -> recordsOf(mentee, "uk.mentoring.pairing.PersonForgotten.v1"), records -> records.size() == 2);
        assertThat(new String(told.get(0).value().getData().toBytes(), StandardCharsets.UTF_8)).contains("\"role\":\"MENTEE\"");

        // the history stays usable: the mentee's stream still loads and takes commands, and anything new about them is erased at once
        assertThat(lead.post("/api/pairings/" + pairing + "/ground-rules", groundRules("Revised " + marker)).status()).isEqualTo(200);
        ConsumerRecord<String, io.cloudevents.CloudEvent> revisedRecord = await().atMost(Duration.ofSeconds(20))
                .until(() -> recordsOf(mentee, "uk.mentoring.pairing.GroundRulesAgreed.v2"), records -> records.size() == 2).get(1);
        JsonNode revised = EventJson.mapper().readTree(revisedRecord.value().getData().toBytes());
        assertThat(revised.path("rules").toString()).isEqualTo("[\"[erased]\"]");
        assertThat(lead.post("/api/pairings/" + pairing + "/end", Map.of("reason", "MENTEE_LEFT_SCHOOL")).status()).isEqualTo(200);

        // the address may be enrolled afresh: not even its keyed hash stays behind
        assertThat(lead.post("/api/schools/" + school + "/mentees", Map.of("displayName", "Someone new", "email", email, "stage", "TRAINEE")).status())
                .isEqualTo(201);
        assertThat(readableAnywhere(name, interest, rule)).isEmpty();
        TestApi.Answer mentorForgotten = lead.post("/api/people/" + mentor + "/forget", Map.of());
        assertThat(mentorForgotten.json().path("detail").asText()).as("a mentor is told what stays with their mentees' records")
                .contains("What they wrote in their mentees' records (meeting notes, observations, feedback) is part of those records");
    }

    @Test
    void a_sealed_value_opens_only_as_it_was_sealed() throws Exception {
        UUID school = data.school();
        UUID first = data.mentee(school);
        UUID second = data.mentee(school);
        String sealed = await().atMost(Duration.ofSeconds(20)).until(() -> sealedValuesOf(first), values -> !values.isEmpty()).get(0);
        String[] parts = sealed.split("\\.", 4);
        String movedToAnother = parts[0] + "." + parts[1] + "." + second + "." + parts[3];
        String altered = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("A") ? "BB" : "AA");
        String otherService = parts[0] + ".meeting." + parts[2] + "." + parts[3];

        assertThat(open(List.of(sealed, movedToAnother, altered, otherService)))
                .as("bound to its person and its service; altered text does not open")
                .containsExactly(open(List.of(sealed)).get(0), movedToAnother, altered, otherService);
        assertThat(open(List.of(sealed)).get(0)).startsWith("Mentee ");
    }

    private Map<String, Object> groundRules(String rule) {
        return Map.of("rules", List.of(rule), "weeklyDay", "TUESDAY", "weeklyTime", "15:45", "room", "Library");
    }

    private List<String> open(List<String> values) {
        TestApi.Answer opened = api.as(ANALYTICS).post("/personal-data/reveal", Map.of("values", values));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
        List<String> texts = new ArrayList<>();
        opened.json().path("values").forEach(value -> texts.add(value.asText()));
        return texts;
    }

    /** Every sealed value published about this person. */
    private List<String> sealedValuesOf(UUID person) throws Exception {
        List<String> values = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : TopicProbe.readAllRaw("mentoring.pairing.v1")) {
            if (person.toString().equals(record.key())) {
                JsonNode data = EventJson.mapper().readTree(record.value()).path("data");
                collect(data, values);
            }
        }
        return values;
    }

    private static void collect(JsonNode node, List<String> into) {
        if (node.isTextual() && SealedText.isSealed(node.asText())) {
            into.add(node.asText());
        }
        node.forEach(child -> collect(child, into));
    }

    private List<ConsumerRecord<String, io.cloudevents.CloudEvent>> recordsOf(UUID person, String type) {
        return TopicProbe.readAll("mentoring.pairing.v1").stream()
                .filter(record -> person.toString().equals(record.key()) && type.equals(record.value().getType()))
                .toList();
    }

    /** Where any of these texts can be read: a collection of this service's database, or the pairing topic. */
    private List<String> readableAnywhere(String... texts) {
        List<String> found = new ArrayList<>();
        for (String collection : serviceDatabase.listCollectionNames()) {
            for (Document document : serviceDatabase.getCollection(collection).find()) {
                String json = document.toJson();
                for (String text : texts) {
                    if (json.contains(text)) {
                        found.add(collection + ": " + text);
                    }
                }
            }
        }
        for (ConsumerRecord<String, byte[]> record : TopicProbe.readAllRaw("mentoring.pairing.v1")) {
            String value = new String(record.value(), StandardCharsets.UTF_8);
            for (String text : texts) {
                if (value.contains(text)) {
                    found.add("mentoring.pairing.v1: " + text);
                }
            }
        }
        return found;
    }
}
