package uk.mentoring.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import uk.mentoring.stack.Component;
import uk.mentoring.stack.Platform;
import uk.mentoring.stack.PlatformClient;
import uk.mentoring.stack.StackSettings;
import uk.mentoring.testkit.TopicProbe;

/**
 * Failures rehearsed under load, on a platform of its own (its own Kafka broker process and its
 * own MongoDB): the broker killed with SIGKILL five times, analytics killed mid-stream and the
 * pairing service killed mid-request, while a school lead keeps enrolling mentees through the
 * gateway. Every enrolment the platform acknowledged is on Kafka exactly once and in the views,
 * and the views equal a rebuild of them from the topics.
 */
class FaultsIT {

    @Test
    void no_acknowledged_enrolment_is_lost_or_applied_twice_when_processes_are_killed_under_load() throws Exception {
        Path data = RunningPlatform.newDataFolder();
        StackSettings settings = RunningPlatform.settings(data, Optional.empty(), Optional.empty());
        try (Platform platform = RunningPlatform.start(settings)) {
            PlatformClient client = RunningPlatform.client(settings);
            String trustLead = client.token("trust-lead");
            String lead = client.token("school-lead-1");
            String school = PlatformClient.claims(lead).path("school_ids").get(0).asText();
            assertThat(client.post("/api/schools", Map.of("name", "Riverside Primary Academy", "urn", "140123", "phase", "PRIMARY",
                    "schoolId", school), trustLead, "faults:school").status()).isIn(201, 409);

            Map<String, String> acknowledged = new ConcurrentHashMap<>();
            AtomicBoolean loading = new AtomicBoolean(true);
            Map<String, AtomicInteger> refusals = new ConcurrentSkipListMap<>();
            Thread writer = new Thread(() -> {
                int n = 0;
                while (loading.get()) {
                    String key = "faults:mentee:" + n;
                    Map<String, Object> body = Map.of("displayName", "Mentee " + n, "email", "mentee" + n + "@faults.example.org", "stage", "TRAINEE");
                    // the same request with the same key until the platform acknowledges it, as a careful client does
                    while (true) {
                        PlatformClient.Answer answer;
                        try {
                            answer = client.post("/api/schools/" + school + "/mentees", body, lead, key);
                        } catch (RuntimeException unreachable) {
                            refusals.computeIfAbsent(unanswered(unreachable), reason -> new AtomicInteger()).incrementAndGet();
                            pause(200);
                            continue;
                        }
                        if (answer.status() == 201) {
                            acknowledged.put(key, answer.json().path("id").asText());
                            break;
                        }
                        refusals.computeIfAbsent(refused(answer), reason -> new AtomicInteger()).incrementAndGet();
                        pause(200);
                    }
                    n++;
                    pause(50);
                }
            }, "enrolling");
            writer.start();

            pause(3_000);
            for (int kill = 1; kill <= 5; kill++) {
                platform.crash("kafka");
                pause(1_500);
                platform.revive("kafka");
                pause(2_000);
                if (kill == 2) {
                    platform.crash(Component.ANALYTICS_SERVICE.displayName());
                    platform.revive(Component.ANALYTICS_SERVICE.displayName());
                }
                if (kill == 4) {
                    platform.crash(Component.PAIRING_SERVICE.displayName());
                    platform.revive(Component.PAIRING_SERVICE.displayName());
                }
            }
            pause(3_000);
            loading.set(false);
            writer.join(120_000);
            Set<String> mentees = Set.copyOf(acknowledged.values());
            assertThat(mentees).as("enrolments acknowledged under failure").hasSizeGreaterThan(20).hasSize(acknowledged.size());

            // every acknowledged enrolment is on the topic, as one event (a redelivered record keeps its event id)
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                Map<String, Set<String>> eventIds = new HashMap<>();
                for (ConsumerRecord<String, CloudEvent> record : TopicProbe.readAll(settings.kafkaServers(), "mentoring.pairing.v1")) {
                    CloudEvent event = record.value();
                    if (event != null && event.getType().contains("MenteeEnrolled")) {
                        eventIds.computeIfAbsent(String.valueOf(event.getExtension("menteeid")), mentee -> new HashSet<>()).add(event.getId());
                    }
                }
                for (String mentee : mentees) {
                    assertThat(eventIds.get(mentee)).as("enrolment events of mentee %s", mentee).hasSize(1);
                }
            });
            // and in the views
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                    assertThat(client.get("/api/analytics/schools/" + school, trustLead).json().path("mentees").asInt()).isEqualTo(mentees.size()));
            String before = client.get("/api/analytics/trust", trustLead).body();

            PlatformClient.Answer rebuild = client.post("/api/admin/projections/rebuild", Map.of(), trustLead);
            assertThat(rebuild.status()).as(rebuild.toString()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(90)).until(() ->
                    client.get("/api/admin/projections/rebuild", trustLead).json().path("state").asText().equals("FINISHED"));
            assertThat(client.get("/api/analytics/trust", trustLead).body()).as("views after the failures equal a rebuild").isEqualTo(before);
            System.out.println("Faults: " + mentees.size() + " enrolments acknowledged while the broker was killed 5 times, analytics and the "
                    + "pairing service once each; " + refusals.values().stream().mapToInt(AtomicInteger::get).sum()
                    + " attempts refused or unanswered and sent again " + refusals);
        }
    }

    private static String refused(PlatformClient.Answer answer) {
        try {
            return answer.status() + " " + answer.json().path("title").asText();
        } catch (IllegalStateException notAProblem) {
            return String.valueOf(answer.status());
        }
    }

    /** Why an attempt had no answer, without what differs between attempts (ids, ports). */
    private static String unanswered(RuntimeException failure) {
        Throwable cause = failure.getCause() == null ? failure : failure.getCause();
        return cause.getClass().getSimpleName() + ": " + String.valueOf(cause.getMessage()).lines().findFirst().orElse("").replaceAll("\\d+", "n");
    }

    /** Paces the load and the failures; nothing here waits for a condition (awaits do that). */
    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
