package uk.mentoring.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import uk.mentoring.stack.Component;
import uk.mentoring.stack.DemoTrust;
import uk.mentoring.stack.PlatformClient;
import uk.mentoring.stack.Progress;
import uk.mentoring.stack.StackSettings;
import uk.mentoring.testkit.TestApi;

/**
 * Who may do what, for every endpoint the services describe, from one table: each persona of the
 * demo trust against their own school and another, their own pairing and another's. "Passes" means
 * the request got past every access check (it may still break a rule of the practice: a 409 or
 * 422 is a pass here); anything else must be exactly the status the table names. Another school's
 * or another person's things answer 404, exactly as things that do not exist.
 */
class AccessMatrixIT {

    static final String PASSES = "passes";

    enum Persona {
        TRUST_LEAD("trust-lead"), OWN_SCHOOL_LEAD("school-lead-1"), OTHER_SCHOOL_LEAD("school-lead-2"), MENTOR("mentor-1"),
        OTHER_MENTOR("daniel-price"), MENTEE("mentee-1"), OTHER_MENTEE("lucy-marsh"), AUDITOR("auditor"), NOBODY(null);

        final String login;

        Persona(String login) {
            this.login = login;
        }
    }

    /** One endpoint: how to call it, and what each persona hears. */
    record Row(String method, String documentedPath, Supplier<String> path, Supplier<Object> body, Map<Persona, Object> expected) {
    }

    static StackSettings settings;
    static PlatformClient client;
    static Map<Persona, String> tokens = new LinkedHashMap<>();
    static Fixture the;

    /** The things the rows act on: the demo trust's, plus a few made to be used up. */
    record Fixture(String school, String otherSchool, String thirdSchool, String pairing, String meeting, String observation,
                   String reflection, String target, String tom, String amira, String daniel, String lucy) {
    }

    @BeforeAll
    static void setUp() throws Exception {
        settings = RunningPlatform.shared();
        client = RunningPlatform.client(settings);
        new DemoTrust(client, Progress.silent()).seed();
        for (Persona persona : Persona.values()) {
            if (persona.login != null) {
                tokens.put(persona, client.token(persona.login));
            }
        }
        String school = claim(Persona.OWN_SCHOOL_LEAD, "school_ids").get(0).asText();
        String otherSchool = claim(Persona.OTHER_SCHOOL_LEAD, "school_ids").get(0).asText();
        String thirdSchool = claim(client.token("school-lead-3"), "school_ids").get(0).asText();
        String tom = claim(Persona.MENTEE, "person_id").asText();
        String pairing = client.get("/api/analytics/mentees/" + tom, tokens.get(Persona.MENTEE)).json().path("pairings").get(0).path("pairingId").asText();
        String mentor = tokens.get(Persona.MENTOR);
        String mentee = tokens.get(Persona.MENTEE);
        String meeting = id(client.post("/api/meetings", Map.of("pairingId", pairing, "scheduledFor", LocalDate.now().plusDays(10) + "T15:45",
                "durationMinutes", 45, "room", "Library quiet room"), mentor));
        String observation = id(client.post("/api/observations", Map.of("pairingId", pairing, "observedAt", LocalDate.now().minusDays(1) + "T10:00",
                "focus", "Questioning", "strengths", List.of("Calm start"), "developmentPoints", List.of("Wait time")), mentor));
        Map<String, String> free = Map.of("text", "A short reflection.");
        String reflection = id(client.post("/api/reflections", Map.of("pairingId", pairing, "model", "FREE", "sections", free,
                "selfAssessedDepth", "UNDERSTANDING"), mentee));
        String target = id(client.post("/api/development-targets", Map.of("pairingId", pairing, "area", "Wait time"), mentee));
        the = new Fixture(school, otherSchool, thirdSchool, pairing, meeting, observation, reflection, target, tom,
                claim(Persona.MENTOR, "person_id").asText(), claim(client.token("daniel-price"), "person_id").asText(),
                claim(client.token("lucy-marsh"), "person_id").asText());
    }

    static List<Row> table() {
        Map<Persona, Object> trustLeadOnly = expect(PASSES, 403, 403, 403, 403, 403, 403, 403);
        Map<Persona, Object> schoolLeadOfOwn = expect(403, PASSES, 404, 403, 403, 403, 403, 403);
        // a role that may never do it hears 403 before anything is looked up; the right role for another pairing hears 404
        Map<Persona, Object> mentorOfPairing = expect(403, 403, 403, PASSES, 404, 403, 403, 403);
        Map<Persona, Object> mentorOrLead = expect(403, PASSES, 404, PASSES, 404, 403, 403, 403);
        Map<Persona, Object> menteeOfPairing = expect(403, 403, 403, 403, 403, PASSES, 404, 403);
        Map<Persona, Object> memberOfPairing = expect(403, 403, 403, PASSES, 404, PASSES, 404, 403);
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("POST", "/api/schools", () -> "/api/schools",
                () -> Map.of("name", "Matrix Academy", "urn", String.valueOf(1_000_000 + (int) (Math.random() * 8_999_999)), "phase", "PRIMARY"), trustLeadOnly));
        rows.add(new Row("POST", "/api/schools/{schoolId}/mentors", () -> "/api/schools/" + the.school() + "/mentors",
                () -> Map.of("displayName", "Matrix Mentor", "email", fresh()), schoolLeadOfOwn));
        rows.add(new Row("POST", "/api/schools/{schoolId}/mentees", () -> "/api/schools/" + the.school() + "/mentees",
                () -> Map.of("displayName", "Matrix Mentee", "email", fresh(), "stage", "TRAINEE"), schoolLeadOfOwn));
        rows.add(new Row("POST", "/api/schools/{schoolId}/people", () -> "/api/schools/" + the.school() + "/people",
                () -> "role,displayName,email\nmentor,Matrix Import," + fresh() + "\n", schoolLeadOfOwn));
        rows.add(new Row("POST", "/api/schools/{schoolId}/mentors/{mentorId}/availability",
                () -> "/api/schools/" + the.school() + "/mentors/" + the.daniel() + "/availability",
                () -> Map.of(), expect(403, PASSES, 404, 403, PASSES, 403, 403, 403)));
        rows.add(new Row("POST", "/api/mentees/{menteeId}/move", () -> "/api/mentees/" + throwawayMentee() + "/move",
                () -> Map.of("toSchoolId", the.thirdSchool()), schoolLeadOfOwn));
        rows.add(new Row("POST", "/api/pairings", () -> "/api/pairings",
                () -> Map.of("schoolId", the.school(), "mentorId", the.daniel(), "menteeId", throwawayMentee()), schoolLeadOfOwn));
        rows.add(new Row("POST", "/api/people/{personId}/forget", () -> "/api/people/" + throwawayMentee() + "/forget",
                () -> Map.of(), expect(PASSES, PASSES, 404, 403, 403, 403, 403, 403)));
        rows.add(new Row("POST", "/api/pairings/{pairingId}/ground-rules", () -> "/api/pairings/" + the.pairing() + "/ground-rules",
                () -> Map.of("rules", List.of("We meet every week"), "weeklyDay", "TUESDAY", "weeklyTime", "15:45", "room", "Library"), mentorOrLead));
        rows.add(new Row("POST", "/api/pairings/{pairingId}/support-level", () -> "/api/pairings/" + the.pairing() + "/support-level",
                () -> Map.of("level", "INDEPENDENT"), mentorOrLead));
        rows.add(new Row("POST", "/api/pairings/{pairingId}/end", () -> "/api/pairings/" + the.pairing() + "/end",
                () -> Map.of("reason", "OTHER", "endedOn", "1999-01-01"), expect(403, PASSES, 404, 403, 403, 403, 403, 403)));
        rows.add(new Row("POST", "/api/meetings", () -> "/api/meetings",
                () -> Map.of("pairingId", the.pairing(), "scheduledFor", LocalDate.now().plusDays(20) + "T15:45", "durationMinutes", 45, "room", "Library"),
                mentorOfPairing));
        rows.add(new Row("POST", "/api/meetings/{meetingId}/held", () -> "/api/meetings/" + the.meeting() + "/held",
                () -> Map.of("heldAt", LocalDate.now().plusDays(30) + "T15:45", "durationMinutes", 45, "quietRoomBooked", true, "topics", List.of(),
                        "agreedActions", List.of(), "menteeConfidence", 3), mentorOfPairing));
        rows.add(new Row("POST", "/api/meetings/{meetingId}/confidence", () -> "/api/meetings/" + the.meeting() + "/confidence",
                () -> Map.of("confidence", 3), menteeOfPairing));
        rows.add(new Row("POST", "/api/meetings/{meetingId}/cancel", () -> "/api/meetings/" + the.meeting() + "/cancel",
                () -> Map.of("reason", "OTHER", "cancelledAt", LocalDate.now().plusDays(30) + "T15:45"), mentorOfPairing));
        rows.add(new Row("POST", "/api/observations", () -> "/api/observations",
                () -> Map.of("pairingId", the.pairing(), "observedAt", LocalDate.now().plusDays(30) + "T10:00", "focus", "x", "strengths", List.of("x"),
                        "developmentPoints", List.of()), mentorOfPairing));
        rows.add(new Row("POST", "/api/observations/{observationId}/feedback", () -> "/api/observations/" + the.observation() + "/feedback",
                () -> Map.of("feedback", "x", "givenAt", LocalDate.now().plusDays(30) + "T10:00"), mentorOfPairing));
        rows.add(new Row("POST", "/api/reflections", () -> "/api/reflections",
                () -> Map.of("pairingId", the.pairing(), "model", "FREE", "sections", Map.of("text", "x"), "selfAssessedDepth", "APPLYING",
                        "submittedAt", LocalDate.now().plusDays(30) + "T19:00"), menteeOfPairing));
        rows.add(new Row("POST", "/api/reflections/{reflectionId}/review", () -> "/api/reflections/" + the.reflection() + "/review",
                () -> Map.of("assessedDepth", "APPLYING", "feedback", "x", "reviewedAt", LocalDate.now().plusDays(30) + "T19:00"), mentorOfPairing));
        rows.add(new Row("POST", "/api/development-targets", () -> "/api/development-targets",
                () -> Map.of("pairingId", the.pairing(), "area", "x", "setOn", LocalDate.now().plusDays(30).toString()), memberOfPairing));
        rows.add(new Row("POST", "/api/development-targets/{targetId}/met", () -> "/api/development-targets/" + the.target() + "/met",
                () -> Map.of("metOn", LocalDate.now().plusDays(30).toString()), memberOfPairing));
        // what the two people in a pairing wrote, for them alone: leads see figures, auditors the audit record
        Map<Persona, Object> readByMembers = expect(403, 403, 404, 200, 404, 200, 404, 403);
        rows.add(new Row("GET", "/api/meetings/{meetingId}", () -> "/api/meetings/" + the.meeting(), () -> null, readByMembers));
        rows.add(new Row("GET", "/api/observations/{observationId}", () -> "/api/observations/" + the.observation(), () -> null, readByMembers));
        rows.add(new Row("GET", "/api/reflections/{reflectionId}", () -> "/api/reflections/" + the.reflection(), () -> null, readByMembers));
        rows.add(new Row("GET", "/api/development-targets/{targetId}", () -> "/api/development-targets/" + the.target(), () -> null, readByMembers));
        rows.add(new Row("GET", "/api/analytics/trust", () -> "/api/analytics/trust", () -> null,
                expect(200, 403, 403, 403, 403, 403, 403, 200)));
        rows.add(new Row("GET", "/api/analytics/schools/{schoolId}", () -> "/api/analytics/schools/" + the.school(), () -> null,
                expect(200, 200, 404, 403, 403, 403, 403, 200)));
        rows.add(new Row("GET", "/api/analytics/pairings/{pairingId}", () -> "/api/analytics/pairings/" + the.pairing(), () -> null,
                expect(200, 200, 404, 200, 404, 200, 404, 200)));
        rows.add(new Row("GET", "/api/analytics/mentees/{menteeId}", () -> "/api/analytics/mentees/" + the.tom(), () -> null,
                expect(200, 200, 404, 200, 404, 200, 404, 200)));
        rows.add(new Row("GET", "/api/analytics/mentors/{mentorId}", () -> "/api/analytics/mentors/" + the.amira(), () -> null,
                expect(200, 200, 404, 200, 404, 404, 404, 200)));
        Map<Persona, Object> auditorsAndTrustLead = expect(200, 403, 403, 403, 403, 403, 403, 200);
        for (String part : List.of("events", "state", "verify", "export")) {
            rows.add(new Row("GET", "/api/audit/mentees/{menteeId}/" + part, () -> "/api/audit/mentees/" + the.tom() + "/" + part, () -> null,
                    auditorsAndTrustLead));
        }
        rows.add(new Row("GET", "/api/audit/reads", () -> "/api/audit/reads", () -> null, expect(200, 403, 403, 403, 403, 403, 403, 403)));
        rows.add(new Row("POST", "/api/admin/projections/rebuild", () -> "/api/admin/projections/rebuild", () -> Map.of(), trustLeadOnly));
        rows.add(new Row("GET", "/api/admin/projections/rebuild", () -> "/api/admin/projections/rebuild", () -> null,
                expect(200, 403, 403, 403, 403, 403, 403, 200)));
        return rows;
    }

    @Test
    void every_persona_hears_what_the_table_says_at_every_endpoint() {
        List<String> wrong = new ArrayList<>();
        for (Row row : table()) {
            for (Persona persona : Persona.values()) {
                Object expected = persona == Persona.NOBODY ? Integer.valueOf(401) : row.expected().get(persona);
                TestApi.Answer answer = call(row, persona);
                boolean right = PASSES.equals(expected)
                        ? Set.of(200, 201, 202, 409, 422).contains(answer.status())
                        : answer.status() == (Integer) expected;
                if (!right) {
                    wrong.add(row.method() + " " + row.documentedPath() + " as " + persona + ": expected " + expected + ", got " + answer);
                }
                if (answer.status() >= 400 && !answer.isProblem()) {
                    wrong.add(row.method() + " " + row.documentedPath() + " as " + persona + ": " + answer.status() + " is not problem+json");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** A new endpoint without a row fails here, so nobody forgets to say who may use it. */
    @Test
    void the_table_names_every_endpoint_the_services_describe() {
        Set<String> described = new TreeSet<>();
        for (String service : List.of("pairing-service", "meeting-service", "reflection-service", "analytics-service")) {
            JsonNode api = TestApi.at(settings.url(Component.GATEWAY)).get("/api-docs/" + service).json();
            api.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                    .forEachRemaining(method -> described.add(method.toUpperCase() + " " + path.getKey())));
        }
        Set<String> tabled = table().stream().map(row -> row.method() + " " + row.documentedPath()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(described).isNotEmpty();
        assertThat(tabled).containsExactlyInAnyOrderElementsOf(described);
    }

    @Test
    void another_schools_lead_cannot_tell_a_pairing_that_exists_from_one_that_does_not() {
        TestApi otherLead = TestApi.at(settings.url(Component.GATEWAY)).withToken(tokens.get(Persona.OTHER_SCHOOL_LEAD));
        TestApi.Answer existing = otherLead.get("/api/analytics/pairings/" + the.pairing());
        String missingId = UUID.randomUUID().toString();
        TestApi.Answer missing = otherLead.get("/api/analytics/pairings/" + missingId);

        assertThat(existing.status()).isEqualTo(missing.status()).isEqualTo(404);
        assertThat(existing.body().replace(the.pairing(), "ID")).isEqualTo(missing.body().replace(missingId, "ID"));
        TestApi.Answer endExisting = otherLead.post("/api/pairings/" + the.pairing() + "/end", Map.of("reason", "OTHER"));
        TestApi.Answer endMissing = otherLead.post("/api/pairings/" + missingId + "/end", Map.of("reason", "OTHER"));
        assertThat(endExisting.body().replace(the.pairing(), "ID")).isEqualTo(endMissing.body().replace(missingId, "ID"));
    }

    private static TestApi.Answer call(Row row, Persona persona) {
        TestApi api = TestApi.at(settings.url(Component.GATEWAY));
        if (persona.login != null) {
            api = api.withToken(tokens.get(persona));
        }
        String path = row.path().get();
        if (row.method().equals("GET")) {
            return api.get(path);
        }
        Object body = row.body().get();
        if (body instanceof String csv) {
            return api.post(path, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        }
        return api.post(path, body);
    }

    private static Map<Persona, Object> expect(Object trustLead, Object ownSchoolLead, Object otherSchoolLead, Object mentor, Object otherMentor,
                                               Object mentee, Object otherMentee, Object auditor) {
        Map<Persona, Object> expected = new LinkedHashMap<>();
        expected.put(Persona.TRUST_LEAD, trustLead);
        expected.put(Persona.OWN_SCHOOL_LEAD, ownSchoolLead);
        expected.put(Persona.OTHER_SCHOOL_LEAD, otherSchoolLead);
        expected.put(Persona.MENTOR, mentor);
        expected.put(Persona.OTHER_MENTOR, otherMentor);
        expected.put(Persona.MENTEE, mentee);
        expected.put(Persona.OTHER_MENTEE, otherMentee);
        expected.put(Persona.AUDITOR, auditor);
        return expected;
    }

    /** A mentee made for one row that may be moved or paired, so the demo trust stays as it is. */
    private static String throwawayMentee() {
        return id(client.post("/api/schools/" + the.school() + "/mentees", Map.of("displayName", "Matrix Mentee", "email", fresh(), "stage", "TRAINEE"),
                tokens.get(Persona.OWN_SCHOOL_LEAD)));
    }

    private static String fresh() {
        return "matrix." + UUID.randomUUID().toString().substring(0, 12) + "@example.org";
    }

    private static String id(PlatformClient.Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json().path("id").asText();
    }

    private static JsonNode claim(Persona persona, String claim) {
        return claim(tokens.get(persona), claim);
    }

    private static JsonNode claim(String token, String claim) {
        return PlatformClient.claims(token).path(claim);
    }
}
