package uk.mentoring.pairing;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import uk.mentoring.testkit.TestApi;
import uk.mentoring.testkit.TestIdentityProvider.Person;

/** Sets up schools, mentors and mentees through the API, as a trust would. */
public final class TestData {

    private final TestApi api;

    public TestData(TestApi api) {
        this.api = api;
    }

    public UUID school() {
        String urn = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 9_999_999));
        TestApi.Answer answer = api.as(Person.trustLead()).post("/api/schools",
                Map.of("name", "Test Academy " + urn, "urn", urn, "phase", "SECONDARY"));
        return created(answer);
    }

    public UUID mentor(UUID school) {
        String name = "Mentor " + UUID.randomUUID();
        return created(api.as(Person.schoolLead(school)).post("/api/schools/" + school + "/mentors",
                Map.of("displayName", name, "email", email(), "subjects", List.of("History"))));
    }

    public UUID mentee(UUID school) {
        return created(api.as(Person.schoolLead(school)).post("/api/schools/" + school + "/mentees",
                Map.of("displayName", "Mentee " + UUID.randomUUID(), "email", email(), "stage", "ECT_YEAR_1")));
    }

    public UUID pairing(UUID school, UUID mentor, UUID mentee) {
        return created(api.as(Person.schoolLead(school)).post("/api/pairings",
                Map.of("schoolId", school, "mentorId", mentor, "menteeId", mentee)));
    }

    public static String email() {
        return "t" + UUID.randomUUID().toString().substring(0, 13) + "@school.example.org";
    }

    private static UUID created(TestApi.Answer answer) {
        if (answer.status() != 201) {
            throw new AssertionError("expected 201, got " + answer);
        }
        return UUID.fromString(answer.id());
    }
}
