package uk.mentoring.pairing.mentee;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.mentoring.pairing.PairingServiceTest;
import uk.mentoring.pairing.TestData;
import uk.mentoring.testkit.TestApi;
import uk.mentoring.testkit.TestIdentityProvider.Person;

/** A write sent twice with the same Idempotency-Key is done once; the second answer is the first one again. */
@PairingServiceTest
class IdempotentWritesTest {

    @LocalServerPort
    int port;

    @Test
    void the_same_key_twice_enrols_one_mentee_and_answers_the_same() {
        TestData data = new TestData(TestApi.at(port));
        UUID school = data.school();
        Person lead = Person.schoolLead(school);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("displayName", "Sam Booth", "email", TestData.email(), "stage", "TRAINEE");

        TestApi.Answer first = TestApi.at(port).as(lead).withHeader("Idempotency-Key", key).post("/api/schools/" + school + "/mentees", body);
        TestApi.Answer again = TestApi.at(port).as(lead).withHeader("Idempotency-Key", key).post("/api/schools/" + school + "/mentees", body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("Idempotent-Replayed")).contains("true");
        // without the key, the same body is a second registration of the same address: refused
        assertThat(TestApi.at(port).as(lead).post("/api/schools/" + school + "/mentees", body).status()).isEqualTo(409);
    }

    @Test
    void a_key_used_again_for_another_request_is_refused() {
        TestData data = new TestData(TestApi.at(port));
        UUID school = data.school();
        Person lead = Person.schoolLead(school);
        String key = UUID.randomUUID().toString();
        TestApi api = TestApi.at(port).as(lead).withHeader("Idempotency-Key", key);

        assertThat(api.post("/api/schools/" + school + "/mentees", Map.of("displayName", "A", "email", TestData.email(), "stage", "TRAINEE")).status())
                .isEqualTo(201);
        TestApi.Answer other = api.post("/api/schools/" + school + "/mentees", Map.of("displayName", "B", "email", TestData.email(), "stage", "TRAINEE"));

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().path("type").asText()).isEqualTo("/problems/idempotency-key-reused");
    }

    @Test
    void a_refused_request_leaves_no_trace_so_it_can_be_corrected_and_sent_again_under_its_key() {
        TestData data = new TestData(TestApi.at(port));
        UUID school = data.school();
        TestApi lead = TestApi.at(port).as(Person.schoolLead(school)).withHeader("Idempotency-Key", UUID.randomUUID().toString());

        TestApi.Answer refused = lead.post("/api/schools/" + school + "/mentees", Map.of("displayName", "", "email", "nope", "stage", "TRAINEE"));
        TestApi.Answer corrected = lead.post("/api/schools/" + school + "/mentees", Map.of("displayName", "Kim Lowe", "email", TestData.email(), "stage", "TRAINEE"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(corrected.status()).isEqualTo(201);
        assertThat(corrected.header("Idempotent-Replayed")).isEmpty();
    }
}
