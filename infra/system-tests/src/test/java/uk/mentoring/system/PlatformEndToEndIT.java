package uk.mentoring.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import uk.mentoring.stack.Component;
import uk.mentoring.stack.DemoTrust;
import uk.mentoring.stack.Platform;
import uk.mentoring.stack.PlatformClient;
import uk.mentoring.stack.Progress;
import uk.mentoring.stack.StackSettings;
import uk.mentoring.testkit.TestApi;
import uk.mentoring.testkit.TestInfrastructure;
import uk.mentoring.testkit.TopicProbe;

/**
 * The platform as a newcomer meets it: every service its own process behind the gateway, a real
 * token from the identity provider, a pairing made through the gateway, seen in analytics and
 * readable from Kafka by any client.
 */
class PlatformEndToEndIT {

    static StackSettings settings;
    static Platform platform;
    static PlatformClient client;

    @BeforeAll
    static void start() throws Exception {
        settings = RunningPlatform.settings(RunningPlatform.newDataFolder(),
                Optional.of(TestInfrastructure.mongoUri()), Optional.of(TestInfrastructure.kafka().bootstrapServers()));
        platform = RunningPlatform.start(settings);
        client = RunningPlatform.client(settings);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void a_school_lead_pairs_a_mentor_and_a_mentee_through_the_gateway_and_the_trust_lead_sees_it() {
        String trustLead = client.token("trust-lead");
        String schoolLead = client.token("school-lead-2");
        JsonNode claims = PlatformClient.claims(schoolLead);
        assertThat(claims.path("roles").toString()).contains("SCHOOL_LEAD");
        String school = claims.path("school_ids").get(0).asText();
        PlatformClient.Answer onboarded = client.post("/api/schools", Map.of("name", "Hillside Secondary School", "urn", "137456",
                "phase", "SECONDARY", "schoolId", school), trustLead);
        assertThat(onboarded.status()).as(onboarded.toString()).isIn(201, 409);

        String mentor = created(client.post("/api/schools/" + school + "/mentors",
                Map.of("displayName", "Rebecca Stone", "email", unique("r.stone"), "subjects", java.util.List.of("Mathematics")), schoolLead));
        String mentee = created(client.post("/api/schools/" + school + "/mentees",
                Map.of("displayName", "Aisha Rahman", "email", unique("a.rahman"), "stage", "ECT_YEAR_1"), schoolLead));
        String pairing = created(client.post("/api/pairings", Map.of("schoolId", school, "mentorId", mentor, "menteeId", mentee), schoolLead));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            PlatformClient.Answer view = client.get("/api/analytics/pairings/" + pairing, trustLead);
            assertThat(view.status()).as(view.toString()).isEqualTo(200);
            assertThat(view.json().path("mentor").path("displayName").asText()).isEqualTo("Rebecca Stone");
            assertThat(view.json().path("mentee").path("displayName").asText()).isEqualTo("Aisha Rahman");
        });
        assertThat(client.get("/api/analytics/schools/" + school, schoolLead).json().path("activePairings").asLong()).isPositive();
        assertThat(TopicProbe.readAll(settings.kafkaServers(), "mentoring.pairing.v1"))
                .anySatisfy(record -> {
                    assertThat(record.value().getType()).isEqualTo("uk.mentoring.pairing.PairingCreated.v1");
                    assertThat(record.value().getSubject()).isEqualTo(pairing);
                });
    }

    @Test
    void without_a_token_the_gateway_and_every_service_say_401() {
        for (Component component : new Component[] {Component.GATEWAY, Component.PAIRING_SERVICE, Component.MEETING_SERVICE,
                Component.REFLECTION_SERVICE, Component.ANALYTICS_SERVICE}) {
            TestApi.Answer answer = TestApi.at(settings.url(component)).get("/api/analytics/trust");
            assertThat(answer.status()).as(component.name()).isEqualTo(401);
            assertThat(answer.isProblem()).as(component.name()).isTrue();
        }
    }

    @Test
    void a_school_lead_cannot_onboard_into_another_school() {
        String schoolLead = client.token("school-lead-1");
        String otherSchool = PlatformClient.claims(client.token("school-lead-2")).path("school_ids").get(0).asText();

        PlatformClient.Answer answer = client.post("/api/schools/" + otherSchool + "/mentors",
                Map.of("displayName", "Someone", "email", unique("someone")), schoolLead);

        assertThat(answer.status()).isEqualTo(404);
    }

    @Test
    void the_demo_trust_is_seeded_once_however_often_it_is_asked_for() throws Exception {
        DemoTrust demo = new DemoTrust(client, Progress.silent());
        demo.seed();
        JsonNode first = client.get("/api/analytics/trust", client.token("trust-lead")).json();

        demo.seed();

        JsonNode second = client.get("/api/analytics/trust", client.token("trust-lead")).json();
        assertThat(second.path("schools").asLong()).isEqualTo(first.path("schools").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(second.path("activePairings").asLong()).isEqualTo(first.path("activePairings").asLong());
        String mentee1 = PlatformClient.claims(client.token("mentee-1")).path("person_id").asText();
        JsonNode tom = client.get("/api/analytics/mentees/" + mentee1, client.token("mentor-1")).json();
        assertThat(tom.path("displayName").asText()).isEqualTo("Tom Whitfield");
        assertThat(tom.path("pairings").get(0).path("mentor").path("id").asText())
                .isEqualTo(PlatformClient.claims(client.token("mentor-1")).path("person_id").asText());
    }

    private static String created(PlatformClient.Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json().path("id").asText();
    }

    private static String unique(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }
}
