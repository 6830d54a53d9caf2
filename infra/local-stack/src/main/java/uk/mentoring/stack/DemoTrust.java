package uk.mentoring.stack;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import uk.mentoring.stack.DemoHistory.Story;

/**
 * A small multi-academy trust to look at on first start: three schools, their mentors and
 * mentees, and a term of mentoring so far, told differently for each pairing so that every
 * signal a lead wants flagged occurs at least once. Everything is recorded through the platform's
 * API by the demo person it belongs to, with their own token; running it again changes nothing.
 */
public final class DemoTrust {

    private final PlatformClient platform;
    private final Progress progress;

    public DemoTrust(PlatformClient platform, Progress progress) {
        this.platform = platform;
        this.progress = progress;
    }

    /** A teacher of the demo trust, signing in as {@code login} (password "demo"). */
    record Teacher(String login, String displayName, String email, List<String> subjects, List<String> interests) {
    }

    record Learner(String login, String displayName, String email, String stage, List<String> interests) {
    }

    /** Mentor and mentee by index, how far into term they were paired, and how their term went. */
    record Pair(int mentor, int mentee, int daysIntoTerm, Story story) {
    }

    record School(String name, String urn, String phase, String lead, List<Teacher> mentors, List<Learner> mentees, List<Pair> pairs) {
    }

    static List<School> schools() {
        return List.of(
                new School("Riverside Primary Academy", "140123", "PRIMARY", "school-lead-1",
                        List.of(new Teacher("mentor-1", "Amira Khan", "a.khan@riverside.example.org", List.of("Mathematics", "Computing"), List.of("climbing", "choir")),
                                new Teacher("daniel-price", "Daniel Price", "d.price@riverside.example.org", List.of("English"), List.of("cycling")),
                                new Teacher("fatima-noor", "Fatima Noor", "f.noor@riverside.example.org", List.of("Science"), List.of("baking"))),
                        List.of(new Learner("mentee-1", "Tom Whitfield", "t.whitfield@riverside.example.org", "ECT_YEAR_1", List.of("five-a-side football")),
                                new Learner("lucy-marsh", "Lucy Marsh", "l.marsh@riverside.example.org", "TRAINEE", List.of("painting")),
                                new Learner("owen-hughes", "Owen Hughes", "o.hughes@riverside.example.org", "ECT_YEAR_2", List.of("rugby")),
                                new Learner("chloe-adams", "Chloe Adams", "c.adams@riverside.example.org", "TRAINEE", List.of())),
                        List.of(new Pair(0, 0, 0, Story.THRIVING), new Pair(1, 1, 3, Story.LATE_START_NO_GROUND_RULES),
                                new Pair(2, 2, 0, Story.FALLING_CONFIDENCE))),
                new School("Hillside Secondary School", "137456", "SECONDARY", "school-lead-2",
                        List.of(new Teacher("rebecca-stone", "Rebecca Stone", "r.stone@hillside.example.org", List.of("Mathematics"), List.of("running")),
                                new Teacher("james-okoro", "James Okoro", "j.okoro@hillside.example.org", List.of("Physics"), List.of("jazz")),
                                new Teacher("hannah-fischer", "Hannah Fischer", "h.fischer@hillside.example.org", List.of("English", "Drama"), List.of("theatre"))),
                        List.of(new Learner("aisha-rahman", "Aisha Rahman", "a.rahman@hillside.example.org", "ECT_YEAR_1", List.of("chess")),
                                new Learner("ben-carter", "Ben Carter", "b.carter@hillside.example.org", "TRAINEE", List.of("guitar")),
                                new Learner("sophie-turner", "Sophie Turner", "s.turner@hillside.example.org", "NEW_MIDDLE_LEADER", List.of("hiking")),
                                new Learner("kwame-mensah", "Kwame Mensah", "k.mensah@hillside.example.org", "ECT_YEAR_2", List.of("football"))),
                        List.of(new Pair(0, 0, 0, Story.STEADY), new Pair(1, 1, 7, Story.MISSED_MEETINGS), new Pair(2, 2, 1, Story.THRIVING),
                                new Pair(0, 3, 14, Story.GONE_QUIET))),
                new School("Northfield Academy", "148890", "ALL_THROUGH", "school-lead-3",
                        List.of(new Teacher("priya-patel", "Priya Patel", "p.patel@northfield.example.org", List.of("History"), List.of("cooking")),
                                new Teacher("george-evans", "George Evans", "g.evans@northfield.example.org", List.of("Geography"), List.of("photography"))),
                        List.of(new Learner("ellie-robinson", "Ellie Robinson", "e.robinson@northfield.example.org", "TRAINEE", List.of("swimming")),
                                new Learner("mohammed-ali", "Mohammed Ali", "m.ali@northfield.example.org", "ECT_YEAR_1", List.of("cricket")),
                                new Learner("grace-liu", "Grace Liu", "g.liu@northfield.example.org", "NEW_SENIOR_LEADER", List.of("piano"))),
                        List.of(new Pair(0, 0, 2, Story.SHALLOW_REFLECTIONS), new Pair(1, 1, 0, Story.STEADY),
                                new Pair(0, 2, 0, Story.TOWARDS_INDEPENDENCE))));
    }

    /** Twelve weeks ago, on a Monday: the demo term is always the term so far. */
    static LocalDate termStart(LocalDate today) {
        return today.minusWeeks(12).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** Creates what is missing of the demo trust and its term, then waits until the trust view shows it. */
    public void seed() throws InterruptedException {
        String trustLead = platform.token("trust-lead");
        JsonNode trust = platform.get("/api/analytics/trust", trustLead).json();
        if (trust.path("schools").asLong() >= schools().size()) {
            progress.step("Demo trust already there: " + trust.path("schools").asLong() + " schools, "
                    + trust.path("progress").path("activePairings").asLong() + " active pairings");
            return;
        }
        LocalDate today = DemoHistory.today();
        LocalDate termStart = termStart(today);
        DemoHistory history = new DemoHistory(platform, today);
        int pairings = 0;
        for (School school : schools()) {
            String lead = platform.token(school.lead());
            UUID schoolId = UUID.fromString(PlatformClient.claims(lead).path("school_ids").get(0).asText());
            history.expect(platform.post("/api/schools", Map.of("name", school.name(), "urn", school.urn(), "phase", school.phase(),
                    "schoolId", schoolId), trustLead, "demo:school:" + school.urn()), school.name());
            for (Teacher mentor : school.mentors()) {
                history.expect(platform.post("/api/schools/" + schoolId + "/mentors", person(mentor.displayName(), mentor.email(), personId(mentor.login()),
                        Map.of("subjects", mentor.subjects(), "interests", mentor.interests())), lead, "demo:mentor:" + mentor.login()), mentor.displayName());
            }
            for (Learner mentee : school.mentees()) {
                history.expect(platform.post("/api/schools/" + schoolId + "/mentees", person(mentee.displayName(), mentee.email(), personId(mentee.login()),
                        Map.of("stage", mentee.stage(), "interests", mentee.interests())), lead, "demo:mentee:" + mentee.login()), mentee.displayName());
            }
            for (Pair pair : school.pairs()) {
                Teacher mentor = school.mentors().get(pair.mentor());
                Learner mentee = school.mentees().get(pair.mentee());
                LocalDate pairedOn = termStart.plusDays(pair.daysIntoTerm());
                PlatformClient.Answer created = platform.post("/api/pairings", Map.of("schoolId", schoolId, "mentorId", personId(mentor.login()),
                        "menteeId", personId(mentee.login()), "pairedOn", pairedOn.toString()), lead, "demo:pairing:" + mentee.login());
                history.expect(created, "pairing of " + mentor.displayName() + " with " + mentee.displayName());
                if (created.status() == 201) {
                    UUID pairingId = UUID.fromString(created.json().path("id").asText());
                    history.tell(pair.story(), new DemoHistory.Cast(pairingId, mentor.login(), mentee.login(), pairedOn));
                    pairings++;
                }
            }
        }
        progress.step("Demo trust created: 3 schools and " + pairings + " pairings with a term of meetings, observations, reflections and targets ("
                + history.recorded() + " records through the API); waiting for the views");
        awaitTrustView(trustLead);
    }

    private void awaitTrustView(String trustLead) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int pairings = schools().stream().mapToInt(school -> school.pairs().size()).sum();
        while (System.nanoTime() < deadline) {
            JsonNode view = platform.get("/api/analytics/trust", trustLead).json();
            if (view.path("schools").asLong() >= schools().size() && view.path("progress").path("activePairings").asLong() >= pairings) {
                progress.step("Trust view shows " + view.path("schools").asLong() + " schools, " + view.path("mentors").asLong() + " mentors, "
                        + view.path("mentees").asLong() + " mentees, " + view.path("progress").path("activePairings").asLong() + " active pairings");
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the demo trust did not show in the analytics view within a minute");
    }

    /** A demo person's id is the one the identity provider gives them: their tokens name them. */
    private UUID personId(String login) {
        return UUID.fromString(PlatformClient.claims(platform.token(login)).path("person_id").asText());
    }

    private static Map<String, Object> person(String displayName, String email, UUID id, Map<String, Object> more) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("displayName", displayName);
        body.put("email", email);
        body.put("personId", id);
        body.putAll(more);
        return body;
    }
}
