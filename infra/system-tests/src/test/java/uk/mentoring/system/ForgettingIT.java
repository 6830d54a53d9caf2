package uk.mentoring.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import uk.mentoring.contracts.EventType;
import uk.mentoring.contracts.PersonalData;
import uk.mentoring.contracts.PublishedLanguage;
import uk.mentoring.contracts.SealedText;
import uk.mentoring.stack.DemoTrust;
import uk.mentoring.stack.Platform;
import uk.mentoring.stack.PlatformClient;
import uk.mentoring.stack.Progress;
import uk.mentoring.stack.StackSettings;
import uk.mentoring.testkit.TopicProbe;

/**
 * A demo mentee asks to be forgotten. On a platform of its own with the demo trust and its term:
 * the school lead forgets Tom Whitfield through the gateway; afterwards no MongoDB collection of
 * any service and no Kafka topic holds any of his personal data in readable form (it never did:
 * it was sealed from the start, and now no key opens it), his audit record still replays and
 * verifies with every personal field erased, and the trust's figures are what they were.
 */
class ForgettingIT {

    @Test
    void forgetting_a_demo_mentee_erases_them_everywhere_and_leaves_the_trust_figures_as_they_were() throws Exception {
        Path data = RunningPlatform.newDataFolder();
        StackSettings settings = RunningPlatform.settings(data, Optional.empty(), Optional.empty());
        try (Platform platform = RunningPlatform.start(settings)) {
            PlatformClient client = RunningPlatform.client(settings);
            new DemoTrust(client, Progress.silent()).seed();
            String trustLead = client.token("trust-lead");
            String auditor = client.token("auditor");
            String schoolLead = client.token("school-lead-1");
            String tom = PlatformClient.claims(client.token("mentee-1")).path("person_id").asText();

            List<JsonNode> history = events(client, tom, auditor);
            Set<String> personal = personalValues(history);
            assertThat(personal).as("what the audit shows of Tom before he is forgotten").contains("Tom Whitfield").hasSizeGreaterThan(10);
            assertThat(readable(settings, Set.of("Riverside Primary Academy"))).as("the scan finds what is kept readable, such as a school's name")
                    .anyMatch(hit -> hit.startsWith("mentoring.pairing.v1:")).anyMatch(hit -> hit.contains(".domainevents:"));
            assertThat(readable(settings, personal)).as("sealed from the start: nowhere readable even now").isEmpty();
            JsonNode trustBefore = withoutNames(client.get("/api/analytics/trust", trustLead).json());
            String asOf = trustBefore.path("asOf").asText();
            String pairing = history.stream().filter(event -> event.path("type").asText().equals("PairingCreated"))
                    .reduce((first, second) -> second).orElseThrow().path("data").path("pairingId").asText();
            String mentorName = client.get("/api/analytics/pairings/" + pairing, trustLead).json().path("mentor").path("displayName").asText();

            assertThat(client.post("/api/people/" + tom + "/forget", Map.of(), client.token("mentee-1")).status())
                    .as("a mentee cannot forget anyone, not even themself: the lead does it at their request").isEqualTo(403);
            assertThat(client.post("/api/people/" + tom + "/forget", Map.of(), client.token("school-lead-2")).status())
                    .as("another school's lead cannot tell he exists").isEqualTo(404);
            PlatformClient.Answer forgotten = client.post("/api/people/" + tom + "/forget", Map.of(), schoolLead);
            assertThat(forgotten.status()).as(forgotten.toString()).isEqualTo(202);

            // every service destroys its key as it reads the news: then nothing of his opens anywhere
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(personalValues(events(client, tom, auditor))).containsOnly(SealedText.ERASED));
            List<JsonNode> after = events(client, tom, auditor);
            assertThat(after).hasSize(history.size() + 1);
            assertThat(after.get(after.size() - 1).path("type").asText()).isEqualTo("PersonForgotten");
            assertThat(client.get("/api/audit/mentees/" + tom + "/verify", auditor).json().path("intact").asBoolean())
                    .as("the chain was built on sealed data, so destroying the key changes none of it").isTrue();
            assertThat(client.get("/api/audit/mentees/" + tom + "/export?format=csv", auditor).body()).doesNotContain("Tom Whitfield");
            assertThat(client.get("/api/audit/mentees/" + tom + "/state", auditor).json().path("displayName").asText()).isEqualTo(SealedText.ERASED);

            JsonNode pairingView = client.get("/api/analytics/pairings/" + pairing, trustLead).json();
            assertThat(pairingView.path("mentee").path("displayName").asText()).isEqualTo(SealedText.ERASED);
            assertThat(pairingView.path("mentor").path("displayName").asText()).as("his mentor is not forgotten").isEqualTo(mentorName);
            assertThat(withoutNames(client.get("/api/analytics/trust?to=" + asOf, trustLead).json()))
                    .as("counts, dates and depths stay: the dashboard's totals are what they were").isEqualTo(trustBefore);
            assertThat(readable(settings, personal)).as("no collection and no topic holds any of it readable").isEmpty();
        }
    }

    private static List<JsonNode> events(PlatformClient client, String mentee, String auditor) {
        PlatformClient.Answer page = client.get("/api/audit/mentees/" + mentee + "/events?size=500", auditor);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        page.json().path("events").forEach(events::add);
        return events;
    }

    /** The values of every personal field in these events, as the audit shows them. */
    private static Set<String> personalValues(List<JsonNode> events) {
        Set<String> values = new TreeSet<>();
        for (JsonNode event : events) {
            Optional<EventType> type = PublishedLanguage.all().stream().filter(known -> known.name().equals(event.path("type").asText())).findFirst();
            if (type.isEmpty()) {
                continue;
            }
            for (var component : type.get().javaType().getRecordComponents()) {
                if (component.isAnnotationPresent(PersonalData.class)) {
                    collect(event.path("data").path(component.getName()), values);
                }
            }
        }
        return values;
    }

    private static void collect(JsonNode node, Set<String> into) {
        if (node.isTextual()) {
            into.add(node.asText());
        }
        node.forEach(child -> collect(child, into));
    }

    /** Where any of these texts can be read: any collection of any database, any record of any topic. */
    private static List<String> readable(StackSettings settings, Set<String> texts) throws Exception {
        Set<String> searched = new TreeSet<>(texts);
        searched.remove(SealedText.ERASED);
        List<String> found = new ArrayList<>();
        try (MongoClient mongo = MongoClients.create(settings.mongoConnection())) {
            for (String name : mongo.listDatabaseNames()) {
                MongoDatabase database = mongo.getDatabase(name);
                for (String collection : database.listCollectionNames()) {
                    for (Document document : database.getCollection(collection).find()) {
                        String json = document.toJson();
                        searched.stream().filter(json::contains).forEach(text -> found.add(name + "." + collection + ": " + text));
                    }
                }
            }
        }
        Set<String> topics;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaServers()))) {
            topics = admin.listTopics().names().get();
        }
        for (String topic : topics) {
            for (ConsumerRecord<String, byte[]> record : TopicProbe.readAllRaw(settings.kafkaServers(), topic)) {
                String value = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
                StringBuilder headers = new StringBuilder();
                record.headers().forEach(header -> headers.append(new String(header.value(), StandardCharsets.UTF_8)));
                searched.stream().filter(text -> value.contains(text) || headers.toString().contains(text))
                        .forEach(text -> found.add(topic + ": " + text));
            }
        }
        return found;
    }

    /** The view without anyone's name: what must not change when a person is forgotten. */
    private static JsonNode withoutNames(JsonNode view) {
        JsonNode copy = view.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("displayName");
            object.remove("menteeName");
            object.remove("mentorName");
        }
        for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
            strip(children.next());
        }
    }
}
