package uk.mentoring.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.mentoring.contracts.MenteeStage;
import uk.mentoring.contracts.PublishedLanguage;
import uk.mentoring.contracts.ReflectionDepth;
import uk.mentoring.contracts.ReflectionModel;
import uk.mentoring.contracts.SchoolPhase;
import uk.mentoring.contracts.meeting.MeetingHeld;
import uk.mentoring.contracts.reflection.ReflectionSubmitted;
import uk.mentoring.contracts.pairing.MenteeEnrolled;
import uk.mentoring.contracts.pairing.MenteeMovedSchool;
import uk.mentoring.contracts.pairing.MentorRegistered;
import uk.mentoring.contracts.pairing.PairingCreated;
import uk.mentoring.contracts.pairing.PairingEndReason;
import uk.mentoring.contracts.pairing.PairingEnded;
import uk.mentoring.contracts.pairing.SchoolOnboarded;
import uk.mentoring.testkit.TestApi;
import uk.mentoring.testkit.TestIdentityProvider.Person;
import uk.mentoring.testkit.TestPublisher;
import uk.mentoring.testkit.TopicProbe;

/** Analytics reads the real topics on the test kit's broker and answers through its API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProgressFromTheTopicsTest {

    static TestPublisher publisher;

    @LocalServerPort
    int port;

    @BeforeAll
    static void publisher() {
        publisher = new TestPublisher();
    }

    @AfterAll
    static void close() {
        publisher.close();
    }

    @Test
    void a_pairing_published_by_the_pairing_service_shows_in_every_view() {
        UUID school = UUID.randomUUID();
        UUID mentor = UUID.randomUUID();
        UUID mentee = UUID.randomUUID();
        UUID pairing = UUID.randomUUID();
        publisher.publish(new SchoolOnboarded(school, "Hillside Academy", "141999", SchoolPhase.SECONDARY));
        publisher.publish(new MentorRegistered(mentor, school, "Amira Khan", "a.khan@example.org", List.of("Maths"), List.of()));
        publisher.publish(new MenteeEnrolled(mentee, school, "Tom Whitfield", "t.w@example.org", MenteeStage.ECT_YEAR_1, List.of()));
        publisher.publish(new PairingCreated(pairing, school, mentor, mentee, MenteeStage.ECT_YEAR_1, LocalDate.of(2026, 9, 7)));

        TestApi lead = TestApi.at(port).as(Person.trustLead());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            TestApi.Answer answer = lead.get("/api/analytics/schools/" + school);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(answer.json().path("progress").path("activePairings").asLong()).isEqualTo(1);
            assertThat(answer.json().path("mentors").asLong()).isEqualTo(1);
        });
        TestApi.Answer view = lead.get("/api/analytics/pairings/" + pairing);
        assertThat(view.json().path("mentee").path("displayName").asText()).isEqualTo("Tom Whitfield");
        assertThat(view.json().path("status").asText()).isEqualTo("ACTIVE");
        assertThat(lead.get("/api/analytics/trust").json().path("bySchool").toString()).contains(school.toString());
        assertThat(view.body()).doesNotContain("t.w@example.org");
    }

    @Test
    void a_former_mentor_keeps_their_own_pairing_but_not_the_mentees_life_after_it() {
        UUID school = UUID.randomUUID();
        UUID former = UUID.randomUUID();
        UUID current = UUID.randomUUID();
        UUID mentee = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        publisher.publish(new SchoolOnboarded(school, "Brookside Academy", "142003", SchoolPhase.SECONDARY));
        publisher.publish(new MenteeEnrolled(mentee, school, "Ruth Ellis", "r.e@example.org", MenteeStage.ECT_YEAR_1, List.of()));
        publisher.publish(new PairingCreated(first, school, former, mentee, MenteeStage.ECT_YEAR_1, LocalDate.of(2026, 9, 7)));
        publisher.publish(new PairingEnded(first, school, former, mentee, PairingEndReason.MENTOR_CHANGED, LocalDate.of(2026, 10, 2)));
        publisher.publish(new PairingCreated(second, school, current, mentee, MenteeStage.ECT_YEAR_1, LocalDate.of(2026, 10, 5)));

        TestApi lead = TestApi.at(port).as(Person.schoolLead(school));
        await().atMost(Duration.ofSeconds(20)).until(() -> lead.get("/api/analytics/mentees/" + mentee).json().path("pairings").size() == 2);
        TestApi formerMentor = TestApi.at(port).as(Person.mentor(former, school));
        TestApi currentMentor = TestApi.at(port).as(Person.mentor(current, school));

        assertThat(formerMentor.get("/api/analytics/pairings/" + first).status()).isEqualTo(200);
        assertThat(formerMentor.get("/api/analytics/mentees/" + mentee).status()).isEqualTo(404);
        assertThat(formerMentor.get("/api/analytics/pairings/" + second).status()).isEqualTo(404);
        TestApi.Answer now = currentMentor.get("/api/analytics/mentees/" + mentee);
        assertThat(now.status()).as(now.toString()).isEqualTo(200);
        assertThat(now.json().path("pairings").size()).as("the history that came before stays with the mentee").isEqualTo(2);
    }

    @Test
    void after_a_move_the_new_schools_lead_reads_the_mentees_history_without_the_other_schools_mentor_named() {
        UUID riverside = UUID.randomUUID();
        UUID hillside = UUID.randomUUID();
        UUID amira = UUID.randomUUID();
        UUID james = UUID.randomUUID();
        UUID mentee = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        publisher.publish(new SchoolOnboarded(riverside, "Riverside Primary", "142011", SchoolPhase.PRIMARY));
        publisher.publish(new SchoolOnboarded(hillside, "Hillside Secondary", "142012", SchoolPhase.SECONDARY));
        publisher.publish(new MentorRegistered(amira, riverside, "Amira Khan", "a.k@example.org", List.of(), List.of()));
        publisher.publish(new MentorRegistered(james, hillside, "James Okoro", "j.o@example.org", List.of(), List.of()));
        publisher.publish(new MenteeEnrolled(mentee, riverside, "Sam Booth", "s.b@example.org", MenteeStage.ECT_YEAR_1, List.of()));
        publisher.publish(new PairingCreated(first, riverside, amira, mentee, MenteeStage.ECT_YEAR_1, LocalDate.of(2026, 9, 7)));
        publisher.publish(new PairingEnded(first, riverside, amira, mentee, PairingEndReason.MENTEE_MOVED_SCHOOL, LocalDate.of(2026, 10, 2)));
        publisher.publish(new MenteeMovedSchool(mentee, riverside, hillside, LocalDate.of(2026, 10, 2)));
        publisher.publish(new PairingCreated(second, hillside, james, mentee, MenteeStage.ECT_YEAR_1, LocalDate.of(2026, 10, 5)));

        TestApi trustLead = TestApi.at(port).as(Person.trustLead());
        await().atMost(Duration.ofSeconds(20)).until(() -> trustLead.get("/api/analytics/mentees/" + mentee).json()
                .path("pairings").findValuesAsText("displayName").containsAll(List.of("Amira Khan", "James Okoro")));
        JsonNode atHillside = TestApi.at(port).as(Person.schoolLead(hillside)).get("/api/analytics/mentees/" + mentee).json().path("pairings");

        assertThat(atHillside.get(0).path("schoolName").asText()).isEqualTo("Riverside Primary");
        assertThat(atHillside.get(0).path("mentor").isNull()).as("another school's mentor stays unnamed").isTrue();
        assertThat(atHillside.get(1).path("mentor").path("displayName").asText()).isEqualTo("James Okoro");
        assertThat(TestApi.at(port).as(Person.mentee(mentee, hillside)).get("/api/analytics/mentees/" + mentee).json().path("pairings")
                .findValuesAsText("displayName")).as("the mentee knows their own mentors").contains("Amira Khan", "James Okoro");
        assertThat(TestApi.at(port).as(Person.schoolLead(riverside)).get("/api/analytics/mentees/" + mentee).status()).isEqualTo(404);
    }

    @Test
    void a_pairing_made_to_start_later_is_said_to_start_then_to_those_who_may_see_it() {
        UUID school = UUID.randomUUID();
        UUID pairing = UUID.randomUUID();
        LocalDate startsOn = LocalDate.now().plusDays(20);
        publisher.publish(new SchoolOnboarded(school, "Meadow Academy", "142021", SchoolPhase.PRIMARY));
        publisher.publish(new PairingCreated(pairing, school, UUID.randomUUID(), UUID.randomUUID(), MenteeStage.TRAINEE, startsOn));
        TestApi lead = TestApi.at(port).as(Person.schoolLead(school));

        TestApi.Answer early = await().atMost(Duration.ofSeconds(20)).until(() -> lead.get("/api/analytics/pairings/" + pairing),
                answer -> answer.json().path("type").asText().endsWith("pairing-not-started"));
        assertThat(early.status()).isEqualTo(404);
        assertThat(early.json().path("detail").asText()).isEqualTo("Pairing " + pairing + " starts on " + startsOn + "; its progress is shown from that day.");
        TestApi.Answer elsewhere = TestApi.at(port).as(Person.schoolLead(UUID.randomUUID())).get("/api/analytics/pairings/" + pairing);
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.json().path("type").asText()).as("another school learns nothing").isEqualTo("/problems/not-found");

        publisher.publish(new PairingEnded(pairing, school, UUID.randomUUID(), UUID.randomUUID(), PairingEndReason.OTHER, startsOn));
        TestApi.Answer calledOff = await().atMost(Duration.ofSeconds(20)).until(() -> lead.get("/api/analytics/pairings/" + pairing),
                answer -> answer.json().path("type").asText().endsWith("pairing-called-off"));
        assertThat(calledOff.json().path("detail").asText()).isEqualTo("Pairing " + pairing + " was called off before it began; it was to start on "
                + startsOn + ", so it has no progress to show.");
    }

    @Test
    void a_pairing_made_and_ended_on_one_day_counts_as_ended_and_one_called_off_before_it_began_does_not() {
        UUID school = UUID.randomUUID();
        publisher.publish(new SchoolOnboarded(school, "Brook Academy", "142022", SchoolPhase.PRIMARY));
        LocalDate today = LocalDate.now(uk.mentoring.kit.domain.SchoolTime.ZONE);
        UUID sameDay = UUID.randomUUID();
        UUID mentor = UUID.randomUUID();
        UUID mentee = UUID.randomUUID();
        publisher.publish(new PairingCreated(sameDay, school, mentor, mentee, MenteeStage.TRAINEE, today));
        publisher.publish(new PairingEnded(sameDay, school, mentor, mentee, PairingEndReason.OTHER, today));
        // made on a Monday to start on the Wednesday, and called off on the Tuesday
        UUID calledOff = UUID.randomUUID();
        LocalDate wednesday = today.minusWeeks(2).with(java.time.DayOfWeek.WEDNESDAY);
        Instant tuesday = wednesday.minusDays(1).atTime(16, 0).atZone(uk.mentoring.kit.domain.SchoolTime.ZONE).toInstant();
        UUID otherMentee = UUID.randomUUID();
        publisher.publish(UUID.randomUUID().toString(), tuesday.minus(Duration.ofDays(1)),
                new PairingCreated(calledOff, school, mentor, otherMentee, MenteeStage.TRAINEE, wednesday));
        publisher.publish(UUID.randomUUID().toString(), tuesday,
                new PairingEnded(calledOff, school, mentor, otherMentee, PairingEndReason.OTHER, wednesday));
        TestApi lead = TestApi.at(port).as(Person.schoolLead(school));

        JsonNode view = await().atMost(Duration.ofSeconds(20)).until(() -> lead.get("/api/analytics/schools/" + school + "?from=" + today.minusWeeks(3)).json(),
                found -> found.path("progress").path("endedPairings").asInt() == 1);
        assertThat(view.path("progress").path("pairings").asInt()).as("the one called off is left out").isEqualTo(1);
        assertThat(view.path("pairings").findValuesAsText("pairingId")).containsExactly(sameDay.toString());
        assertThat(lead.get("/api/analytics/pairings/" + sameDay).json().path("status").asText()).isEqualTo("ENDED");
        TestApi.Answer gone = lead.get("/api/analytics/pairings/" + calledOff);
        assertThat(gone.status()).as("its day has passed, and it is still called off").isEqualTo(404);
        assertThat(gone.json().path("type").asText()).endsWith("pairing-called-off");
    }

    @Test
    void an_event_delivered_again_changes_nothing() {
        UUID school = UUID.randomUUID();
        publisher.publish(new SchoolOnboarded(school, "Dupe Academy", "142000", SchoolPhase.PRIMARY));
        String enrolled = UUID.randomUUID().toString();
        MenteeEnrolled mentee = new MenteeEnrolled(UUID.randomUUID(), school, "Priya Shah", "p@example.org", MenteeStage.TRAINEE, List.of());
        publisher.publish(enrolled, Instant.now(), mentee);
        publisher.publish(enrolled, Instant.now(), mentee);
        publisher.publish(enrolled, Instant.now(), mentee);
        UUID marker = UUID.randomUUID();
        publisher.publish(new MenteeEnrolled(marker, school, "Marker", "m@example.org", MenteeStage.TRAINEE, List.of()));

        TestApi lead = TestApi.at(port).as(Person.schoolLead(school));
        await().atMost(Duration.ofSeconds(20)).until(() -> lead.get("/api/analytics/mentees/" + marker).status() == 200);
        assertThat(lead.get("/api/analytics/schools/" + school).json().path("mentees").asLong()).isEqualTo(2);
    }

    @Test
    void a_record_that_cannot_be_read_goes_to_the_dead_letter_topic_and_the_rest_goes_on() {
        UUID school = UUID.randomUUID();
        UUID mentee = UUID.randomUUID();
        byte[] garbage = "{not a cloud event".getBytes(StandardCharsets.UTF_8);
        String unfitting = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/pairing-service\",\"type\":\""
                + PublishedLanguage.of(MenteeEnrolled.class).cloudEventType() + "\",\"time\":\"2026-11-27T09:00:00Z\",\"data\":{\"menteeId\":\""
                + mentee + "\",\"schoolId\":\"not a school\"}}";
        publisher.publishGarbage("mentoring.pairing.v1", school.toString(), garbage);
        publisher.publishStructured("mentoring.pairing.v1", mentee.toString(), unfitting);
        publisher.publish(new SchoolOnboarded(school, "After The Poison Academy", "142001", SchoolPhase.PRIMARY));

        TestApi lead = TestApi.at(port).as(Person.trustLead());
        await().atMost(Duration.ofSeconds(30)).until(() -> lead.get("/api/analytics/schools/" + school).status() == 200);
        // each dead letter keeps what arrived, byte for byte, with why it could not be read
        await().atMost(Duration.ofSeconds(10)).until(() -> TopicProbe.readAllRaw("mentoring.pairing.v1.dlt").stream()
                .filter(record -> record.headers().lastHeader("kafka_dlt-exception-message") != null)
                .filter(record -> school.toString().equals(record.key()) && Arrays.equals(record.value(), garbage)
                        || mentee.toString().equals(record.key()) && Arrays.equals(record.value(), unfitting.getBytes(StandardCharsets.UTF_8))
                        && new String(record.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8).contains("does not fit"))
                .count() == 2);
    }

    @Test
    void views_answer_only_those_who_may_see_them() {
        UUID school = UUID.randomUUID();
        publisher.publish(new SchoolOnboarded(school, "Private Academy", "142002", SchoolPhase.PRIMARY));
        TestApi api = TestApi.at(port);
        await().atMost(Duration.ofSeconds(20)).until(() -> api.as(Person.trustLead()).get("/api/analytics/schools/" + school).status() == 200);

        assertThat(api.get("/api/analytics/schools/" + school).status()).isEqualTo(401);
        assertThat(api.as(Person.schoolLead(UUID.randomUUID())).get("/api/analytics/schools/" + school).status()).isEqualTo(404);
        assertThat(api.as(Person.schoolLead(UUID.randomUUID())).get("/api/analytics/schools/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(api.as(Person.schoolLead(school)).get("/api/analytics/schools/" + school).status()).isEqualTo(200);
        assertThat(api.as(Person.schoolLead(school)).get("/api/analytics/trust").status()).isEqualTo(403);
        assertThat(api.as(Person.auditor()).get("/api/analytics/trust").status()).isEqualTo(200);
    }

    @Test
    void meetings_and_reflections_from_their_own_topics_reach_the_pairing_whatever_arrives_first() {
        UUID school = UUID.randomUUID();
        UUID mentor = UUID.randomUUID();
        UUID mentee = UUID.randomUUID();
        UUID pairing = UUID.randomUUID();
        LocalDate pairedOn = LocalDate.of(2026, 9, 7);
        // the meeting and the reflection are published before the pairing they belong to
        publisher.publish(new MeetingHeld(UUID.randomUUID(), pairing, school, mentor, mentee, pairedOn.plusDays(3).atTime(15, 30)
                .toInstant(java.time.ZoneOffset.UTC), 45, true, true, List.of(), List.of(), 3));
        publisher.publish(new ReflectionSubmitted(UUID.randomUUID(), pairing, school, mentor, mentee, ReflectionModel.GIBBS, Map.of(),
                ReflectionDepth.APPLYING, pairedOn.plusDays(5).atTime(18, 0).toInstant(java.time.ZoneOffset.UTC)));
        publisher.publish(new SchoolOnboarded(school, "Late Arrivals Academy", "142003", SchoolPhase.SECONDARY));
        publisher.publish(new PairingCreated(pairing, school, mentor, mentee, MenteeStage.TRAINEE, pairedOn));

        TestApi lead = TestApi.at(port).as(Person.trustLead());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            TestApi.Answer view = lead.get("/api/analytics/pairings/" + pairing);
            assertThat(view.status()).as(view.toString()).isEqualTo(200);
            assertThat(view.json().at("/progress/firstMeeting/daysAfterPairing").asInt()).isEqualTo(3);
            assertThat(view.json().at("/progress/reflections/submitted").asInt()).isEqualTo(1);
        });
        TestApi.Answer asOfBefore = lead.get("/api/analytics/pairings/" + pairing + "?to=2026-09-08");
        assertThat(asOfBefore.json().at("/progress/cadence/meetingsHeld").asInt()).as(asOfBefore.toString()).isZero();
    }

    @Test
    void a_filter_that_makes_no_sense_is_refused_with_a_problem_that_says_why() {
        TestApi lead = TestApi.at(port).as(Person.trustLead());

        TestApi.Answer stage = lead.get("/api/analytics/trust?stage=HEADTEACHER");
        assertThat(stage.status()).isEqualTo(400);
        assertThat(stage.isProblem()).isTrue();
        assertThat(stage.json().path("detail").asText()).contains("stage").contains("ECT_YEAR_1");

        TestApi.Answer date = lead.get("/api/analytics/trust?from=27/11/2026");
        assertThat(date.status()).isEqualTo(400);
        assertThat(date.json().path("detail").asText()).contains("from").contains("2026-");

        TestApi.Answer backwards = lead.get("/api/analytics/trust?from=2026-11-01&to=2026-10-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.isProblem()).isTrue();
    }

    @Test
    void an_empty_stage_in_the_filter_is_no_stage_as_a_form_left_blank_sends_it() {
        TestApi lead = TestApi.at(port).as(Person.trustLead());

        TestApi.Answer traineesAndBlank = lead.get("/api/analytics/trust?stage=TRAINEE&stage=");
        TestApi.Answer trailingComma = lead.get("/api/analytics/trust?stage=TRAINEE,");
        TestApi.Answer trainees = lead.get("/api/analytics/trust?stage=TRAINEE");

        assertThat(traineesAndBlank.status()).as(traineesAndBlank.toString()).isEqualTo(200);
        assertThat(trailingComma.status()).as(trailingComma.toString()).isEqualTo(200);
        assertThat(traineesAndBlank.json().at("/stages").toString()).isEqualTo("[\"TRAINEE\"]");
        assertThat(traineesAndBlank.json().at("/progress/pairings")).isEqualTo(trainees.json().at("/progress/pairings"));
    }
}
