package uk.mentoring.analytics.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.mentoring.analytics.progress.ViewGenerations;
import uk.mentoring.contracts.MenteeStage;
import uk.mentoring.contracts.PublishedLanguage;
import uk.mentoring.contracts.ReflectionDepth;
import uk.mentoring.contracts.ReflectionModel;
import uk.mentoring.contracts.SchoolPhase;
import uk.mentoring.contracts.meeting.MeetingHeld;
import uk.mentoring.contracts.pairing.MenteeEnrolled;
import uk.mentoring.contracts.pairing.MentorRegistered;
import uk.mentoring.contracts.pairing.PairingCreated;
import uk.mentoring.contracts.pairing.SchoolOnboarded;
import uk.mentoring.contracts.reflection.ReflectionSubmitted;
import uk.mentoring.testkit.TestApi;
import uk.mentoring.testkit.TestIdentityProvider.Person;
import uk.mentoring.testkit.TestPublisher;

/**
 * Rebuilding the views from the real topics gives back the same views, while the old ones keep
 * answering; a record that could never be read is passed over, as the live consumer dead-lettered it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ViewRebuildTest {

    static TestPublisher publisher;

    @LocalServerPort
    int port;

    @Autowired
    ViewGenerations generations;

    @BeforeAll
    static void publisher() {
        publisher = new TestPublisher();
    }

    @AfterAll
    static void close() {
        publisher.close();
    }

    @Test
    void a_rebuild_switches_to_new_collections_holding_exactly_the_views_there_were() {
        UUID school = UUID.randomUUID();
        UUID pairing = UUID.randomUUID();
        UUID mentee = UUID.randomUUID();
        publishTerm(school, pairing, mentee);
        // dead-lettered as it arrives; a rebuild passes over it
        publisher.publishStructured("mentoring.pairing.v1", mentee.toString(), "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID()
                + "\",\"source\":\"/pairing-service\",\"type\":\"" + PublishedLanguage.of(MenteeEnrolled.class).cloudEventType()
                + "\",\"time\":\"2026-11-27T09:00:00Z\",\"data\":{\"menteeId\":\"" + mentee + "\",\"schoolId\":\"not a school\"}}");
        TestApi lead = TestApi.at(port).as(Person.trustLead());
        await().atMost(Duration.ofSeconds(20)).until(() -> lead.get("/api/analytics/pairings/" + pairing).json()
                .at("/progress/reflections/submitted").asInt() == 1);
        Map<String, String> before = await().atMost(Duration.ofSeconds(20)).until(() -> views(lead, school, pairing, mentee),
                views -> views.equals(views(lead, school, pairing, mentee)));
        int generationBefore = generations.state().active();

        TestApi.Answer started = lead.post("/api/admin/projections/rebuild", Map.of());
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.json().path("state").asText()).isEqualTo("RUNNING");
        // while it runs the views answer from the old collections, unchanged
        assertThat(views(lead, school, pairing, mentee)).isEqualTo(before);
        assertThat(lead.post("/api/admin/projections/rebuild", Map.of()).status()).as("one rebuild at a time").isEqualTo(409);

        TestApi.Answer finished = await().atMost(Duration.ofSeconds(60)).until(() -> lead.get("/api/admin/projections/rebuild"),
                answer -> !answer.json().path("state").asText().equals("RUNNING"));
        assertThat(finished.json().path("state").asText()).as(finished.toString()).isEqualTo("FINISHED");
        assertThat(finished.json().path("eventsDone").asLong()).isPositive();
        assertThat(finished.json().path("eventsDone").asLong()).isEqualTo(finished.json().path("eventsTotal").asLong());
        await().atMost(Duration.ofSeconds(5)).until(() -> generations.state().active() > generationBefore);
        assertThat(views(lead, school, pairing, mentee)).isEqualTo(before);

        // live events keep reaching the views after the switch
        UUID later = UUID.randomUUID();
        publisher.publish(new SchoolOnboarded(later, "After The Rebuild Academy", "142101", SchoolPhase.PRIMARY));
        await().atMost(Duration.ofSeconds(20)).until(() -> lead.get("/api/analytics/schools/" + later).status() == 200);
    }

    @Test
    void only_a_trust_lead_starts_a_rebuild() {
        TestApi api = TestApi.at(port);
        assertThat(api.post("/api/admin/projections/rebuild", Map.of()).status()).isEqualTo(401);
        TestApi.Answer auditor = api.as(Person.auditor()).post("/api/admin/projections/rebuild", Map.of());
        assertThat(auditor.status()).isEqualTo(403);
        assertThat(auditor.isProblem()).isTrue();
        assertThat(api.as(Person.schoolLead(UUID.randomUUID())).get("/api/admin/projections/rebuild").status()).isEqualTo(403);
    }

    private void publishTerm(UUID school, UUID pairing, UUID mentee) {
        UUID mentor = UUID.randomUUID();
        LocalDate pairedOn = LocalDate.of(2026, 9, 7);
        publisher.publish(new SchoolOnboarded(school, "Rebuilt Academy", "142100", SchoolPhase.SECONDARY));
        publisher.publish(new MentorRegistered(mentor, school, "Amira Khan", "a.khan@example.org", List.of("Maths"), List.of()));
        publisher.publish(new MenteeEnrolled(mentee, school, "Tom Whitfield", "t.w@example.org", MenteeStage.ECT_YEAR_1, List.of()));
        publisher.publish(new PairingCreated(pairing, school, mentor, mentee, MenteeStage.ECT_YEAR_1, pairedOn));
        for (int week = 0; week < 4; week++) {
            publisher.publish(new MeetingHeld(UUID.randomUUID(), pairing, school, mentor, mentee, at(pairedOn.plusWeeks(week).plusDays(2)),
                    45, week == 0, true, List.of(), List.of(), 2 + week / 2));
        }
        publisher.publish(new ReflectionSubmitted(UUID.randomUUID(), pairing, school, mentor, mentee, ReflectionModel.GIBBS, Map.of(),
                ReflectionDepth.APPLYING, at(pairedOn.plusDays(4))));
    }

    private static Instant at(LocalDate day) {
        return day.atTime(15, 30).toInstant(ZoneOffset.UTC);
    }

    private static Map<String, String> views(TestApi lead, UUID school, UUID pairing, UUID mentee) {
        return Map.of(
                "trust", lead.get("/api/analytics/trust").body(),
                "school", lead.get("/api/analytics/schools/" + school).body(),
                "pairing", lead.get("/api/analytics/pairings/" + pairing).body(),
                "mentee", lead.get("/api/analytics/mentees/" + mentee).body());
    }
}
