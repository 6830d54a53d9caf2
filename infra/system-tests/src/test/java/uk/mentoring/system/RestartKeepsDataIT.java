package uk.mentoring.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import uk.mentoring.stack.DemoTrust;
import uk.mentoring.stack.Platform;
import uk.mentoring.stack.PlatformClient;
import uk.mentoring.stack.Progress;
import uk.mentoring.stack.StackSettings;
import uk.mentoring.testkit.TopicProbe;

/**
 * The embedded default, as the Quick start runs it (embedded MongoDB in a file, the Kafka broker as
 * its own process): stopped and started again, it still has everything.
 */
class RestartKeepsDataIT {

    @Test
    void a_platform_started_again_on_the_same_data_keeps_its_trust() throws Exception {
        Path data = RunningPlatform.newDataFolder();
        StackSettings settings = RunningPlatform.settings(data, Optional.empty(), Optional.empty());
        JsonNode before;
        int recordsBefore;
        try (Platform platform = RunningPlatform.start(settings)) {
            PlatformClient client = RunningPlatform.client(settings);
            new DemoTrust(client, Progress.silent()).seed();
            before = client.get("/api/analytics/trust", client.token("trust-lead")).json();
            recordsBefore = TopicProbe.readAll(settings.kafkaServers(), "mentoring.pairing.v1").size();
        }

        try (Platform platform = RunningPlatform.start(settings)) {
            PlatformClient client = RunningPlatform.client(settings);
            // as of the same day: a restart may fall on the next one, and the views are measured as of a day
            JsonNode after = client.get("/api/analytics/trust?to=" + before.path("asOf").asText(), client.token("trust-lead")).json();
            assertThat(after).isEqualTo(before);
            assertThat(after.path("schools").asLong()).isEqualTo(3);
            assertThat(TopicProbe.readAll(settings.kafkaServers(), "mentoring.pairing.v1")).hasSize(recordsBefore);
            // what was recorded before the restart still counts: the mentee cannot be paired twice
            String schoolLead = client.token("school-lead-1");
            String school = PlatformClient.claims(schoolLead).path("school_ids").get(0).asText();
            String mentee = PlatformClient.claims(client.token("mentee-1")).path("person_id").asText();
            String mentor = PlatformClient.claims(client.token("mentor-1")).path("person_id").asText();
            PlatformClient.Answer again = client.post("/api/pairings", java.util.Map.of("schoolId", school, "mentorId", mentor, "menteeId", mentee), schoolLead);
            assertThat(again.status()).isEqualTo(409);
        }
    }
}
