package uk.mentoring.pairing.mentee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.mentoring.kit.domain.SchoolTime;
import uk.mentoring.pairing.PairingServiceTest;
import uk.mentoring.pairing.TestData;
import uk.mentoring.testkit.TestApi;
import uk.mentoring.testkit.TestIdentityProvider.Person;
import uk.mentoring.testkit.TopicProbe;

@PairingServiceTest
class PairingThroughTheApiTest {

    @LocalServerPort
    int port;

    TestApi api;
    TestData data;

    @BeforeEach
    void setUp() {
        api = TestApi.at(port);
        data = new TestData(api);
    }

    @Test
    void a_pairing_made_through_the_api_is_published_as_a_cloud_event() {
        UUID school = data.school();
        UUID mentor = data.mentor(school);
        UUID mentee = data.mentee(school);

        Person lead = Person.schoolLead(school);
        TestApi.Answer created = api.as(lead).post("/api/pairings",
                Map.of("schoolId", school, "mentorId", mentor, "menteeId", mentee));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String pairing = created.id();
        assertThat(created.header("Location")).contains("/api/analytics/pairings/" + pairing);

        ConsumerRecord<String, CloudEvent> record = await().atMost(Duration.ofSeconds(20))
                .until(() -> find(pairing, "uk.mentoring.pairing.PairingCreated.v1"), found -> found != null);
        CloudEvent event = record.value();
        assertThat(event.getSource()).hasToString("/mentoring/pairing-service");
        assertThat(event.getSubject()).isEqualTo(pairing);
        assertThat(event.getExtension("schoolid")).isEqualTo(school.toString());
        assertThat(event.getExtension("menteeid")).isEqualTo(mentee.toString());
        assertThat(event.getExtension("actorid")).as("who made the pairing, as their token names them").isEqualTo(lead.personId().toString());
        assertThat(event.getExtension("actorroles")).isEqualTo("SCHOOL_LEAD");
        assertThat(record.key()).isEqualTo(mentee.toString());
        assertThat(new String(event.getData().toBytes())).contains("\"mentorId\":\"" + mentor + "\"");
        assertThat(record.headers().lastHeader("content-type").value()).asString().startsWith("application/cloudevents+json");
    }

    @Test
    void the_requests_correlation_id_travels_with_its_events_and_comes_back() {
        UUID school = data.school();
        String correlation = "enrol-" + UUID.randomUUID();
        TestApi.Answer enrolled = api.as(Person.schoolLead(school)).withHeader("X-Correlation-Id", correlation)
                .post("/api/schools/" + school + "/mentees", Map.of("displayName", "Sam Booth", "email", TestData.email(), "stage", "TRAINEE"));

        assertThat(enrolled.header("X-Correlation-Id")).contains(correlation);
        ConsumerRecord<String, CloudEvent> record = await().atMost(Duration.ofSeconds(20))
                .until(() -> find(enrolled.id(), "uk.mentoring.pairing.MenteeEnrolled.v2"), found -> found != null);
        assertThat(new String(record.headers().lastHeader("correlation-id").value(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(correlation);
    }

    @Test
    void a_mentee_is_paired_with_one_mentor_at_a_time() {
        UUID school = data.school();
        UUID mentee = data.mentee(school);
        data.pairing(school, data.mentor(school), mentee);

        TestApi.Answer second = api.as(Person.schoolLead(school)).post("/api/pairings",
                Map.of("schoolId", school, "mentorId", data.mentor(school), "menteeId", mentee));

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.isProblem()).isTrue();
        assertThat(second.json().path("type").asText()).isEqualTo("/problems/mentee-already-paired");
    }

    @Test
    void mentor_and_mentee_must_be_of_the_pairing_school() {
        UUID school = data.school();
        UUID otherSchool = data.school();
        UUID mentee = data.mentee(school);

        TestApi.Answer answer = api.as(Person.schoolLead(school)).post("/api/pairings",
                Map.of("schoolId", school, "mentorId", data.mentor(otherSchool), "menteeId", mentee));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().path("type").asText()).isEqualTo("/problems/mentor-not-in-school");
    }

    @Test
    void an_ended_pairing_frees_the_mentee_for_a_new_mentor() {
        UUID school = data.school();
        UUID mentee = data.mentee(school);
        UUID pairing = data.pairing(school, data.mentor(school), mentee);

        TestApi.Answer ended = api.as(Person.schoolLead(school)).post("/api/pairings/" + pairing + "/end", Map.of("reason", "MENTOR_CHANGED"));
        assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
        assertThat(ended.json().path("endedOn").asText()).isEqualTo(SchoolTime.today().toString());
        assertThat(ended.json().path("calledOff").asBoolean()).isFalse();

        assertThat(data.pairing(school, data.mentor(school), mentee)).isNotEqualTo(pairing);
        TestApi.Answer again = api.as(Person.schoolLead(school)).post("/api/pairings/" + pairing + "/end", Map.of("reason", "OTHER"));
        assertThat(again.status()).isEqualTo(409);

        // made to start next month and called off today: the answer says it ends on the day it was to start
        String nextMonth = api.as(Person.schoolLead(school)).post("/api/pairings", Map.of("schoolId", school, "mentorId", data.mentor(school),
                "menteeId", data.mentee(school), "pairedOn", SchoolTime.today().plusDays(30).toString())).id();
        TestApi.Answer calledOff = api.as(Person.schoolLead(school)).post("/api/pairings/" + nextMonth + "/end", Map.of("reason", "OTHER"));
        assertThat(calledOff.json().path("endedOn").asText()).isEqualTo(SchoolTime.today().plusDays(30).toString());
        assertThat(calledOff.json().path("calledOff").asBoolean()).isTrue();
    }

    @Test
    void a_move_is_recorded_once_it_has_happened_and_not_before() {
        UUID school = data.school();
        UUID newSchool = data.school();
        UUID mentee = data.mentee(school);
        data.pairing(school, data.mentor(school), mentee);
        TestApi lead = api.as(Person.schoolLead(school));

        TestApi.Answer ahead = lead.post("/api/mentees/" + mentee + "/move",
                Map.of("toSchoolId", newSchool, "movedOn", java.time.LocalDate.now().plusDays(30).toString()));
        assertThat(ahead.status()).as(ahead.toString()).isEqualTo(422);
        assertThat(ahead.json().path("type").asText()).isEqualTo("/problems/date-in-future");

        TestApi.Answer moved = lead.post("/api/mentees/" + mentee + "/move", Map.of("toSchoolId", newSchool));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    }

    @Test
    void a_school_is_onboarded_once_and_a_teacher_registered_once() {
        String urn = String.valueOf(java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999));
        TestApi trustLead = api.as(Person.trustLead());
        assertThat(trustLead.post("/api/schools", Map.of("name", "Once Academy", "urn", urn, "phase", "PRIMARY")).status()).isEqualTo(201);
        TestApi.Answer again = trustLead.post("/api/schools", Map.of("name", "Once Again Academy", "urn", urn, "phase", "PRIMARY"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("type").asText()).isEqualTo("/problems/school-already-onboarded");

        UUID school = data.school();
        String email = TestData.email();
        TestApi lead = api.as(Person.schoolLead(school));
        assertThat(lead.post("/api/schools/" + school + "/mentors", Map.of("displayName", "Ann Lee", "email", email)).status()).isEqualTo(201);
        TestApi.Answer twice = lead.post("/api/schools/" + school + "/mentors", Map.of("displayName", "Ann Lee", "email", email.toUpperCase()));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().path("type").asText()).isEqualTo("/problems/already-registered");

        UUID personId = UUID.randomUUID();
        assertThat(lead.post("/api/schools/" + school + "/mentees", Map.of("displayName", "Kim Lowe", "email", TestData.email(),
                "stage", "TRAINEE", "personId", personId)).status()).isEqualTo(201);
        TestApi.Answer sameId = lead.post("/api/schools/" + school + "/mentees", Map.of("displayName", "Kim Lowe", "email", TestData.email(),
                "stage", "TRAINEE", "personId", personId));
        assertThat(sameId.status()).as("a person id registered twice, under another address").isEqualTo(409);
        assertThat(sameId.json().path("type").asText()).isEqualTo("/problems/already-registered");

        // another school's person is not taken over under their id, as a mentor or through the import
        UUID otherSchool = data.school();
        TestApi otherLead = api.as(Person.schoolLead(otherSchool));
        TestApi.Answer takenOver = otherLead.post("/api/schools/" + otherSchool + "/mentors", Map.of("displayName", "Has Person", "email", TestData.email(),
                "personId", personId));
        assertThat(takenOver.status()).as(takenOver.toString()).isEqualTo(409);
        assertThat(takenOver.json().path("type").asText()).isEqualTo("/problems/person-in-another-school");
        TestApi.Answer imported = otherLead.post("/api/schools/" + otherSchool + "/people", "text/csv",
                ("role,displayName,email,personId\nmentor,Has Person," + TestData.email() + "," + personId + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(imported.body()).as(imported.toString()).contains("REFUSED").contains("another school");
        assertThat(lead.post("/api/schools/" + school + "/mentors", Map.of("displayName", "Kim Lowe", "email", TestData.email(), "personId", personId))
                .status()).as("the same school's mentee may also be its mentor").isEqualTo(201);
    }

    @Test
    void a_body_sent_in_chunks_is_held_to_the_same_limit_as_one_that_says_its_length() {
        UUID school = data.school();
        TestApi lead = api.as(Person.schoolLead(school));
        byte[] enrolment = ("{\"displayName\":\"Kim Lowe\",\"email\":\"" + TestData.email() + "\",\"stage\":\"TRAINEE\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] staff = ("displayName,email,role\n" + "Ann Lee,a.lee@example.org,MENTOR\n".repeat(40_000)).getBytes(java.nio.charset.StandardCharsets.UTF_8);

        TestApi.Answer small = lead.postInChunks("/api/schools/" + school + "/mentees", "application/json", enrolment);
        TestApi.Answer large = lead.postInChunks("/api/schools/" + school + "/people", "text/csv", staff);

        assertThat(small.status()).as(small.toString()).isEqualTo(201);
        assertThat(staff.length).isGreaterThan(1024 * 1024);
        assertThat(large.status()).as(large.toString()).isEqualTo(413);
        assertThat(large.json().path("type").asText()).isEqualTo("/problems/too-large");
    }

    @Test
    void a_mentee_of_another_school_is_not_named_and_the_lead_hears_who_can_move_them() {
        UUID school = data.school();
        UUID elsewhere = data.school();
        String email = TestData.email();
        TestApi.Answer first = api.as(Person.schoolLead(elsewhere)).post("/api/schools/" + elsewhere + "/mentees",
                Map.of("displayName", "Kim Lowe", "email", email, "stage", "TRAINEE"));
        assertThat(first.status()).isEqualTo(201);

        TestApi.Answer again = api.as(Person.schoolLead(school)).post("/api/schools/" + school + "/mentees",
                Map.of("displayName", "Kim Lowe", "email", email, "stage", "TRAINEE"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("detail").asText()).doesNotContain(first.id())
                .isEqualTo("A mentee with this email address is already registered in another school of the trust. If they have moved to your school, "
                        + "the lead of their current school moves them, and their history comes with them.");
    }

    @Test
    void after_a_move_the_new_school_is_told_the_mentee_is_theirs_and_the_old_school_is_not() {
        UUID riverside = data.school();
        UUID hillside = data.school();
        String email = TestData.email();
        Map<String, Object> kim = Map.of("displayName", "Kim Lowe", "email", email, "stage", "TRAINEE");
        String mentee = api.as(Person.schoolLead(riverside)).post("/api/schools/" + riverside + "/mentees", kim).id();
        assertThat(api.as(Person.schoolLead(riverside)).post("/api/mentees/" + mentee + "/move", Map.of("toSchoolId", hillside)).status())
                .isEqualTo(200);

        TestApi.Answer atHillside = api.as(Person.schoolLead(hillside)).post("/api/schools/" + hillside + "/mentees", kim);
        TestApi.Answer atRiverside = api.as(Person.schoolLead(riverside)).post("/api/schools/" + riverside + "/mentees", kim);
        TestApi.Answer imported = api.as(Person.schoolLead(hillside)).post("/api/schools/" + hillside + "/people", "text/csv",
                ("role,displayName,email,stage\nmentee,Kim Lowe," + email + ",TRAINEE\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(atHillside.status()).isEqualTo(409);
        assertThat(atHillside.json().path("detail").asText())
                .isEqualTo("A mentee with this email address is already registered in your school (mentee id " + mentee + ").");
        assertThat(atRiverside.status()).isEqualTo(409);
        assertThat(atRiverside.json().path("detail").asText()).doesNotContain(mentee).contains("another school of the trust");
        assertThat(imported.body()).as(imported.toString()).contains("ALREADY_REGISTERED").contains(mentee);
    }

    @Test
    void a_malformed_request_is_refused_with_what_is_wrong_and_changes_nothing() {
        UUID school = data.school();
        TestApi lead = api.as(Person.schoolLead(school));

        TestApi.Answer missing = lead.post("/api/schools/" + school + "/mentees", Map.of("displayName", "", "email", "not-an-email"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.isProblem()).isTrue();
        assertThat(missing.json().path("errors").toString()).as(missing.body()).contains("displayName", "email", "stage");

        TestApi.Answer wrongStage = lead.post("/api/schools/" + school + "/mentees",
                Map.of("displayName", "Kim", "email", TestData.email(), "stage", "WIZARD"));
        assertThat(wrongStage.status()).isEqualTo(400);
        assertThat(wrongStage.json().path("detail").asText()).contains("stage must be one of TRAINEE, ECT_YEAR_1");
        TestApi.Answer stageByNumber = lead.post("/api/schools/" + school + "/mentees",
                Map.of("displayName", "Kim", "email", TestData.email(), "stage", 1));
        assertThat(stageByNumber.status()).as("a number is not read as the second stage").isEqualTo(400);
        assertThat(stageByNumber.json().path("detail").asText()).contains("stage must be one of TRAINEE, ECT_YEAR_1");

        TestApi.Answer unknownField = lead.post("/api/schools/" + school + "/mentees",
                Map.of("displayName", "Kim", "email", TestData.email(), "stage", "TRAINEE", "schoolId", UUID.randomUUID()));
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().path("detail").asText()).startsWith("'schoolId' is not a field of this request");

        assertThat(lead.post("/api/schools/" + school + "/mentees", "{not json").status()).isEqualTo(400);
        assertThat(lead.get("/api/analytics/schools/" + school).status()).isEqualTo(404);

        // a value of the wrong form is named with its field and what it should look like, not called broken JSON
        UUID mentor = data.mentor(school);
        UUID mentee = data.mentee(school);
        TestApi.Answer impossibleDay = lead.post("/api/pairings", Map.of("schoolId", school, "mentorId", mentor, "menteeId", mentee, "pairedOn", "2026-02-30"));
        assertThat(impossibleDay.status()).isEqualTo(400);
        assertThat(impossibleDay.json().path("detail").asText()).isEqualTo("pairedOn must be a date such as 2026-10-01; got '2026-02-30'.");
        TestApi.Answer notAnId = lead.post("/api/pairings", Map.of("schoolId", school, "mentorId", "amira", "menteeId", mentee));
        assertThat(notAnId.json().path("detail").asText()).startsWith("mentorId must be an id such as");
        TestApi.Answer twice = lead.post("/api/pairings", "{\"schoolId\":\"" + school + "\",\"mentorId\":\"" + mentor + "\",\"menteeId\":\""
                + UUID.randomUUID() + "\",\"menteeId\":\"" + mentee + "\"}");
        assertThat(twice.status()).as(twice.toString()).isEqualTo(400);
        assertThat(twice.json().path("detail").asText()).startsWith("A field is given twice").contains("menteeId");
        TestApi.Answer paired = lead.post("/api/pairings", Map.of("schoolId", school, "mentorId", mentor, "menteeId", mentee));
        assertThat(paired.status()).as("none of the refused requests paired them").isEqualTo(201);
        TestApi.Answer brokenList = lead.post("/api/pairings/" + paired.id() + "/ground-rules",
                "{\"rules\":[\"Phones away\" \"Start on time\"],\"weeklyDay\":\"TUESDAY\",\"weeklyTime\":\"15:45\",\"room\":\"Library\"}");
        assertThat(brokenList.status()).isEqualTo(400);
        assertThat(brokenList.json().path("detail").asText()).as("a missing comma is broken JSON, not a wrong type")
                .isEqualTo("The request body is not valid JSON.");
        TestApi.Answer nothingThere = lead.get("/api/pairings/" + mentee);
        assertThat(nothingThere.status()).isEqualTo(404);
        assertThat(nothingThere.json().path("detail").asText()).isEqualTo("Nothing answers GET /api/pairings/" + mentee + " in this API.");
    }

    private static ConsumerRecord<String, CloudEvent> find(String subject, String type) {
        List<ConsumerRecord<String, CloudEvent>> records = TopicProbe.readAll("mentoring.pairing.v1");
        return records.stream()
                .filter(record -> subject.equals(record.value().getSubject()) && type.equals(record.value().getType()))
                .findFirst().orElse(null);
    }
}
