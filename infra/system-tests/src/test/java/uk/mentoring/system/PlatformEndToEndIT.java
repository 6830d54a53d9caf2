package uk.mentoring.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import uk.mentoring.stack.Component;
import uk.mentoring.stack.DemoTrust;
import uk.mentoring.stack.PlatformClient;
import uk.mentoring.stack.Progress;
import uk.mentoring.stack.StackSettings;
import uk.mentoring.testkit.TestApi;
import uk.mentoring.testkit.TopicProbe;
import uk.mentoring.testkit.WholeAnswer;

/**
 * The platform as a newcomer meets it: every service its own process behind the gateway, a real
 * token from the identity provider, a pairing made through the gateway, seen in analytics and
 * readable from Kafka by any client.
 */
class PlatformEndToEndIT {

    static StackSettings settings;
    static PlatformClient client;

    @BeforeAll
    static void start() throws Exception {
        settings = RunningPlatform.shared();
        client = RunningPlatform.client(settings);
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
        assertThat(client.get("/api/analytics/schools/" + school, schoolLead).json().path("progress").path("activePairings").asLong()).isPositive();
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
        assertThat(second.path("progress").path("activePairings").asLong()).isEqualTo(first.path("progress").path("activePairings").asLong());
        String mentee1 = PlatformClient.claims(client.token("mentee-1")).path("person_id").asText();
        JsonNode tom = client.get("/api/analytics/mentees/" + mentee1, client.token("mentor-1")).json();
        assertThat(tom.path("displayName").asText()).isEqualTo("Tom Whitfield");
        assertThat(tom.path("pairings").get(0).path("mentor").path("id").asText())
                .isEqualTo(PlatformClient.claims(client.token("mentor-1")).path("person_id").asText());
    }

    @Test
    void the_demo_term_recorded_through_the_gateway_shows_each_warning_sign_its_stories_tell() throws Exception {
        new DemoTrust(client, Progress.silent()).seed();
        JsonNode trust = client.get("/api/analytics/trust", client.token("trust-lead")).json();

        java.util.Set<String> signs = new java.util.TreeSet<>();
        trust.path("atRisk").forEach(pairing -> pairing.path("risks").forEach(risk -> signs.add(risk.path("code").asText())));
        assertThat(signs).contains("no-recent-meeting", "no-recent-reflection", "confidence-falling", "no-ground-rules", "shallow-reflections");
        JsonNode progress = trust.path("progress");
        assertThat(progress.path("meetingsHeld").asInt()).isPositive();
        assertThat(progress.path("cadenceKept").asDouble()).isBetween(0.0, 1.0);
        assertThat(progress.path("averageReflectionDepth").asDouble()).isBetween(1.0, 6.0);
        assertThat(trust.path("weeks").size()).isGreaterThanOrEqualTo(12);
        trust.path("bySchool").forEach(school -> assertThat(school.path("progress").path("activePairings").asInt() == 0 || school.path("circle").path("trust").isNumber())
                .as("%s has a virtuous circle", school.path("name").asText()).isTrue());
    }

    @Test
    void mentor_and_mentee_record_the_practice_through_the_gateway_and_each_record_is_a_cloud_event() throws Exception {
        new DemoTrust(client, Progress.silent()).seed();
        String mentor = client.token("mentor-1");
        String mentee = client.token("mentee-1");
        String tom = PlatformClient.claims(mentee).path("person_id").asText();
        String pairing = client.get("/api/analytics/mentees/" + tom, mentor).json().path("pairings").get(0).path("pairingId").asText();

        String meeting = created(client.post("/api/meetings", Map.of("pairingId", pairing, "scheduledFor", java.time.LocalDate.now().minusDays(1) + "T15:45",
                "durationMinutes", 45, "room", "Library quiet room"), mentor));
        assertThat(client.post("/api/meetings/" + meeting + "/held", Map.of("heldAt", java.time.LocalDate.now().minusDays(1) + "T15:47",
                "durationMinutes", 50, "quietRoomBooked", true, "topics", java.util.List.of("Assessment data"),
                "agreedActions", java.util.List.of("Share the mock results"), "menteeConfidence", 4), mentor).status()).isEqualTo(200);
        // the mentee thinks 4 was generous: their own rating stands in its place
        assertThat(client.post("/api/meetings/" + meeting + "/confidence", Map.of("confidence", 3), mentee).status()).isEqualTo(200);
        String ground = "/api/pairings/" + pairing + "/ground-rules";
        assertThat(client.post(ground, Map.of("rules", java.util.List.of("We meet every week"), "weeklyDay", "TUESDAY", "weeklyTime", "15:45",
                "room", "Library quiet room"), mentor).status()).isEqualTo(200);
        String observation = created(client.post("/api/observations", Map.of("pairingId", pairing, "observedAt", java.time.Instant.now().toString(),
                "focus", "Questioning", "strengths", java.util.List.of("Calm start"), "developmentPoints", java.util.List.of("Wait time")), mentor));
        assertThat(client.post("/api/observations/" + observation + "/feedback", Map.of("feedback", "More wait time."), mentor).status()).isEqualTo(200);

        Map<String, String> gibbs = new java.util.LinkedHashMap<>();
        for (String section : new String[] {"description", "feelings", "evaluation", "analysis", "conclusion", "actionPlan"}) {
            gibbs.put(section, "About " + section + ".");
        }
        String reflection = created(client.post("/api/reflections", Map.of("pairingId", pairing, "model", "GIBBS", "sections", gibbs,
                "selfAssessedDepth", "ANALYSING"), mentee));
        created(client.post("/api/reflections", Map.of("pairingId", pairing, "model", "CRITICAL_INCIDENT", "sections", Map.of(
                "incident", "A pupil walked out", "keyPoints", "After a seating change", "whatChangesNext", "Warn about changes"),
                "selfAssessedDepth", "UNDERSTANDING"), mentee));
        assertThat(client.post("/api/reflections/" + reflection + "/review", Map.of("assessedDepth", "ANALYSING", "feedback", "Clear."), mentor).status())
                .isEqualTo(200);
        String target = created(client.post("/api/development-targets", Map.of("pairingId", pairing, "area", "Wait time"), mentee));

        // the wrong person changes nothing: another mentor cannot see the pairing; the mentee may not keep the diary
        String otherMentor = client.token("daniel-price");
        assertThat(client.post("/api/meetings", Map.of("pairingId", pairing, "scheduledFor", "2026-12-01T15:45", "durationMinutes", 45, "room", "X"),
                otherMentor).status()).isEqualTo(404);
        assertThat(client.post("/api/meetings", Map.of("pairingId", pairing, "scheduledFor", "2026-12-01T15:45", "durationMinutes", 45, "room", "X"),
                mentee).status()).isEqualTo(403);
        assertThat(client.post("/api/reflections/" + reflection + "/review", Map.of("assessedDepth", "CREATING", "feedback", "x"), mentee).status())
                .isEqualTo(403);

        // a meeting left alone becomes missed
        String forgotten = created(client.post("/api/meetings", Map.of("pairingId", pairing, "scheduledFor", java.time.LocalDate.now().minusDays(2) + "T15:45",
                "durationMinutes", 45, "room", "Library quiet room"), mentor));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(types("mentoring.meeting.v1", meeting)).contains("uk.mentoring.meeting.MeetingScheduled.v1", "uk.mentoring.meeting.MeetingHeld.v2",
                    "uk.mentoring.meeting.ConfidenceRated.v1");
            assertThat(types("mentoring.meeting.v1", observation)).contains("uk.mentoring.meeting.LessonObserved.v2", "uk.mentoring.meeting.FeedbackGiven.v2");
            assertThat(types("mentoring.reflection.v1", reflection)).contains("uk.mentoring.reflection.ReflectionSubmitted.v2",
                    "uk.mentoring.reflection.ReflectionReviewed.v2");
            assertThat(types("mentoring.reflection.v1", target)).contains("uk.mentoring.reflection.DevelopmentTargetSet.v2");
            assertThat(types("mentoring.pairing.v1", pairing)).contains("uk.mentoring.pairing.GroundRulesAgreed.v2");
            assertThat(types("mentoring.meeting.v1", forgotten)).contains("uk.mentoring.meeting.MeetingMissed.v1");
            JsonNode series = client.get("/api/analytics/pairings/" + pairing, mentee).json().path("progress").path("confidence").path("series");
            assertThat(series.toString()).contains("\"confidence\":3,\"ownRating\":true");
        });
    }

    /** A person signs in in the browser through the identity provider, and their session calls the API with their own token. */
    @Test
    void a_person_signs_in_in_the_browser_and_the_gateway_relays_their_token() throws Exception {
        java.net.CookieManager cookies = new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL);
        java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(java.net.http.HttpClient.Redirect.ALWAYS).connectTimeout(Duration.ofSeconds(5)).build();
        String gateway = settings.url(Component.GATEWAY);

        java.net.http.HttpResponse<String> loginPage = WholeAnswer.of(browser, java.net.http.HttpRequest.newBuilder(java.net.URI.create(gateway + "/")).build());
        assertThat(loginPage.uri().toString()).startsWith(settings.url(Component.IDENTITY_PROVIDER) + "/login");
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(csrf.find()).as("the sign-in form carries a CSRF token").isTrue();

        java.net.http.HttpResponse<String> home = WholeAnswer.of(browser, java.net.http.HttpRequest.newBuilder(loginPage.uri())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=trust-lead&password=demo&_csrf="
                        + java.net.URLEncoder.encode(csrf.group(1), java.nio.charset.StandardCharsets.UTF_8))).build());
        assertThat(home.uri().toString()).isEqualTo(gateway + "/");
        assertThat(home.body()).contains("Signed in as <strong>Dr Helen Okafor (trust lead)</strong>");

        java.net.http.HttpResponse<String> trust = WholeAnswer.of(browser, java.net.http.HttpRequest.newBuilder(java.net.URI.create(gateway + "/api/analytics/trust")).build());
        assertThat(trust.statusCode()).as(trust.body()).isEqualTo(200);
        assertThat(trust.body()).contains("\"bySchool\"");

        // a write from the signed-in browser needs the page's CSRF token; another site's form has none
        java.net.http.HttpRequest.Builder write = java.net.http.HttpRequest.newBuilder(java.net.URI.create(gateway + "/api/schools"))
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"));
        java.net.http.HttpResponse<String> forged = WholeAnswer.of(browser, write.build());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("/problems/csrf");
        String token = cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .findFirst().orElseThrow().getValue();
        java.net.http.HttpResponse<String> trusted = WholeAnswer.of(browser, write.header("X-XSRF-TOKEN", token).build());
        assertThat(trusted.statusCode()).as("past the guard, the empty body is refused for what it is").isEqualTo(400);
    }

    @Test
    void one_page_describes_every_service_api() {
        TestApi gateway = TestApi.at(settings.url(Component.GATEWAY));
        assertThat(gateway.get("/swagger-ui.html").status()).isIn(200, 302);
        for (String service : new String[] {"pairing-service", "meeting-service", "reflection-service", "analytics-service"}) {
            assertThat(gateway.get("/api-docs/" + service).json().path("paths").size()).as(service).isPositive();
        }
    }

    private static java.util.List<String> types(String topic, String subject) {
        return TopicProbe.readAll(settings.kafkaServers(), topic).stream()
                .filter(record -> subject.equals(record.value().getSubject()))
                .map(record -> record.value().getType())
                .toList();
    }

    private static String created(PlatformClient.Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json().path("id").asText();
    }

    private static String unique(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }
}
