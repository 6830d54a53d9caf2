package uk.mentoring.stack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A small multi-academy trust to look at on first start: three schools, their mentors and
 * mentees, and who mentors whom since the start of term. Created through the gateway with the
 * demo personas' own tokens, as a trust would create it; running it again changes nothing.
 */
public final class DemoTrust {

    private static final LocalDate TERM_START = LocalDate.of(2026, 9, 7);

    private final PlatformClient platform;
    private final Progress progress;

    public DemoTrust(PlatformClient platform, Progress progress) {
        this.platform = platform;
        this.progress = progress;
    }

    record Teacher(String displayName, String email, List<String> subjects, List<String> interests, String persona) {
        UUID id(PlatformClient platform) {
            if (persona != null) {
                return UUID.fromString(PlatformClient.claims(platform.token(persona)).path("person_id").asText());
            }
            return UUID.nameUUIDFromBytes(("demo-person:" + email).getBytes(StandardCharsets.UTF_8));
        }
    }

    record Learner(String displayName, String email, String stage, List<String> interests, String persona) {
        UUID id(PlatformClient platform) {
            return new Teacher(displayName, email, List.of(), interests, persona).id(platform);
        }
    }

    /** Mentor index → mentee index, and how many days after the start of term they were paired. */
    record Pair(int mentor, int mentee, int daysIntoTerm) {
    }

    record School(String name, String urn, String phase, String lead, List<Teacher> mentors, List<Learner> mentees, List<Pair> pairs) {
    }

    static List<School> schools() {
        return List.of(
                new School("Riverside Primary Academy", "140123", "PRIMARY", "school-lead-1",
                        List.of(new Teacher("Amira Khan", "a.khan@riverside.example.org", List.of("Mathematics", "Computing"), List.of("climbing", "choir"), "mentor-1"),
                                new Teacher("Daniel Price", "d.price@riverside.example.org", List.of("English"), List.of("cycling"), null),
                                new Teacher("Fatima Noor", "f.noor@riverside.example.org", List.of("Science"), List.of("baking"), null)),
                        List.of(new Learner("Tom Whitfield", "t.whitfield@riverside.example.org", "ECT_YEAR_1", List.of("five-a-side football"), "mentee-1"),
                                new Learner("Lucy Marsh", "l.marsh@riverside.example.org", "TRAINEE", List.of("painting"), null),
                                new Learner("Owen Hughes", "o.hughes@riverside.example.org", "ECT_YEAR_2", List.of("rugby"), null),
                                new Learner("Chloe Adams", "c.adams@riverside.example.org", "TRAINEE", List.of(), null)),
                        List.of(new Pair(0, 0, 0), new Pair(1, 1, 3), new Pair(2, 2, 0))),
                new School("Hillside Secondary School", "137456", "SECONDARY", "school-lead-2",
                        List.of(new Teacher("Rebecca Stone", "r.stone@hillside.example.org", List.of("Mathematics"), List.of("running"), null),
                                new Teacher("James Okoro", "j.okoro@hillside.example.org", List.of("Physics"), List.of("jazz"), null),
                                new Teacher("Hannah Fischer", "h.fischer@hillside.example.org", List.of("English", "Drama"), List.of("theatre"), null)),
                        List.of(new Learner("Aisha Rahman", "a.rahman@hillside.example.org", "ECT_YEAR_1", List.of("chess"), null),
                                new Learner("Ben Carter", "b.carter@hillside.example.org", "TRAINEE", List.of("guitar"), null),
                                new Learner("Sophie Turner", "s.turner@hillside.example.org", "NEW_MIDDLE_LEADER", List.of("hiking"), null),
                                new Learner("Kwame Mensah", "k.mensah@hillside.example.org", "ECT_YEAR_2", List.of("football"), null)),
                        List.of(new Pair(0, 0, 0), new Pair(1, 1, 10), new Pair(2, 2, 1), new Pair(0, 3, 21))),
                new School("Northfield Academy", "148890", "ALL_THROUGH", "school-lead-3",
                        List.of(new Teacher("Priya Patel", "p.patel@northfield.example.org", List.of("History"), List.of("cooking"), null),
                                new Teacher("George Evans", "g.evans@northfield.example.org", List.of("Geography"), List.of("photography"), null)),
                        List.of(new Learner("Ellie Robinson", "e.robinson@northfield.example.org", "TRAINEE", List.of("swimming"), null),
                                new Learner("Mohammed Ali", "m.ali@northfield.example.org", "ECT_YEAR_1", List.of("cricket"), null),
                                new Learner("Grace Liu", "g.liu@northfield.example.org", "NEW_SENIOR_LEADER", List.of("piano"), null)),
                        List.of(new Pair(0, 0, 2), new Pair(1, 1, 0), new Pair(0, 2, 14))));
    }

    /** Creates what is missing of the demo trust, then waits until the trust view shows it. */
    public void seed() throws InterruptedException {
        String trustLead = platform.token("trust-lead");
        JsonNode trust = platform.get("/api/analytics/trust", trustLead).json();
        if (trust.path("schools").asLong() >= schools().size()) {
            progress.step("Demo trust already there: " + trust.path("schools").asLong() + " schools, "
                    + trust.path("activePairings").asLong() + " active pairings");
            return;
        }
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        int created = 0;
        for (School school : schools()) {
            String lead = platform.token(school.lead());
            UUID schoolId = UUID.fromString(PlatformClient.claims(lead).path("school_ids").get(0).asText());
            created += expectCreated(platform.post("/api/schools", Map.of("name", school.name(), "urn", school.urn(),
                    "phase", school.phase(), "schoolId", schoolId), trustLead), school.name());
            List<UUID> mentors = new ArrayList<>();
            for (Teacher mentor : school.mentors()) {
                UUID id = mentor.id(platform);
                mentors.add(id);
                created += expectCreated(platform.post("/api/schools/" + schoolId + "/mentors", person(mentor.displayName(), mentor.email(), id,
                        Map.of("subjects", mentor.subjects(), "interests", mentor.interests())), lead), mentor.displayName());
            }
            List<UUID> mentees = new ArrayList<>();
            for (Learner mentee : school.mentees()) {
                UUID id = mentee.id(platform);
                mentees.add(id);
                created += expectCreated(platform.post("/api/schools/" + schoolId + "/mentees", person(mentee.displayName(), mentee.email(), id,
                        Map.of("stage", mentee.stage(), "interests", mentee.interests())), lead), mentee.displayName());
            }
            for (Pair pair : school.pairs()) {
                LocalDate pairedOn = TERM_START.plusDays(pair.daysIntoTerm());
                created += expectCreated(platform.post("/api/pairings", Map.of("schoolId", schoolId, "mentorId", mentors.get(pair.mentor()),
                        "menteeId", mentees.get(pair.mentee()), "pairedOn", (pairedOn.isAfter(today) ? today : pairedOn).toString()), lead),
                        "pairing of " + school.mentors().get(pair.mentor()).displayName() + " with " + school.mentees().get(pair.mentee()).displayName());
            }
        }
        progress.step("Demo trust created: " + created + " records through the gateway; waiting for the views");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int pairings = schools().stream().mapToInt(school -> school.pairs().size()).sum();
        while (System.nanoTime() < deadline) {
            JsonNode view = platform.get("/api/analytics/trust", trustLead).json();
            if (view.path("schools").asLong() >= schools().size() && view.path("activePairings").asLong() >= pairings) {
                progress.step("Trust view shows " + view.path("schools").asLong() + " schools, " + view.path("mentors").asLong() + " mentors, "
                        + view.path("mentees").asLong() + " mentees, " + view.path("activePairings").asLong() + " active pairings");
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the demo trust did not show in the analytics view within a minute");
    }

    private static Map<String, Object> person(String displayName, String email, UUID id, Map<String, Object> more) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("displayName", displayName);
        body.put("email", email);
        body.put("personId", id);
        body.putAll(more);
        return body;
    }

    /** 201, or 409 when it is there already from an earlier start. */
    private static int expectCreated(PlatformClient.Answer answer, String what) {
        if (answer.status() == 201) {
            return 1;
        }
        if (answer.status() == 409) {
            return 0;
        }
        throw new IllegalStateException("could not create " + what + ": " + answer);
    }
}
