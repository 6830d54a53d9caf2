package uk.mentoring.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.mentoring.contracts.SealedText;
import uk.mentoring.contracts.pairing.PairingEndReason;
import uk.mentoring.contracts.pairing.PairingEnded;
import uk.mentoring.contracts.pairing.PersonForgotten;
import uk.mentoring.contracts.pairing.PersonRole;
import uk.mentoring.kit.domain.SchoolTime;
import uk.mentoring.kit.pairings.PairingDirectory;
import uk.mentoring.testkit.TestApi;
import uk.mentoring.testkit.TestIdentityProvider.Person;
import uk.mentoring.testkit.TestPairings;
import uk.mentoring.testkit.TestPairings.Members;
import uk.mentoring.testkit.TestPublisher;
import uk.mentoring.testkit.TopicProbe;

/** The mentor records meetings and observations through the API; each becomes a CloudEvent on the meeting topic. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "mentoring.meetings.recording-grace=PT3S")
class MeetingsThroughTheApiTest {

    static TestPublisher publisher;

    @LocalServerPort
    int port;

    @Autowired
    PairingDirectory pairings;

    @BeforeAll
    static void publisher() {
        publisher = new TestPublisher();
    }

    @AfterAll
    static void close() {
        publisher.close();
    }

    Members pairing() {
        return TestPairings.published(publisher, pairings);
    }

    @Test
    void the_mentor_schedules_and_holds_the_first_meeting_and_it_is_on_the_topic() {
        Members members = pairing();
        TestApi mentor = TestApi.at(port).as(members.mentorPerson());
        String when = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES).toString();

        TestApi.Answer scheduled = mentor.post("/api/meetings", Map.of("pairingId", members.pairing(), "scheduledFor", when,
                "durationMinutes", 45, "room", "Library quiet room"));
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(201);
        String meeting = scheduled.id();
        TestApi.Answer held = mentor.post("/api/meetings/" + meeting + "/held", Map.of("heldAt", when, "durationMinutes", 50,
                "quietRoomBooked", true, "topics", List.of("Ground rules"), "agreedActions", List.of("Book Tuesdays"), "menteeConfidence", 3));
        assertThat(held.status()).as(held.toString()).isEqualTo(200);

        ConsumerRecord<String, CloudEvent> event = await().atMost(Duration.ofSeconds(20))
                .until(() -> find(meeting, "uk.mentoring.meeting.MeetingHeld.v2"), found -> found != null);
        assertThat(event.key()).isEqualTo(members.mentee().toString());
        assertThat(new String(event.value().getData().toBytes())).contains("\"firstMeeting\":true", "\"menteeConfidence\":3");

        TestApi.Answer again = mentor.post("/api/meetings/" + meeting + "/held", Map.of("heldAt", when, "durationMinutes", 50,
                "quietRoomBooked", true, "topics", List.of(), "agreedActions", List.of(), "menteeConfidence", 4));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("type").asText()).isEqualTo("/problems/meeting-already-held");
    }

    @Test
    void the_mentee_rates_their_own_confidence_once_the_meeting_is_held_and_nobody_else_does() {
        Members members = pairing();
        TestApi mentor = TestApi.at(port).as(members.mentorPerson());
        TestApi mentee = TestApi.at(port).as(members.menteePerson());
        String when = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MINUTES).toString();
        String meeting = mentor.post("/api/meetings", Map.of("pairingId", members.pairing(), "scheduledFor", when,
                "durationMinutes", 45, "room", "Library quiet room")).id();

        TestApi.Answer tooSoon = mentee.post("/api/meetings/" + meeting + "/confidence", Map.of("confidence", 2));
        assertThat(tooSoon.status()).as(tooSoon.toString()).isEqualTo(409);
        assertThat(tooSoon.json().path("type").asText()).isEqualTo("/problems/meeting-not-held");

        assertThat(mentor.post("/api/meetings/" + meeting + "/held", Map.of("heldAt", when, "durationMinutes", 45, "quietRoomBooked", true,
                "topics", List.of(), "agreedActions", List.of(), "menteeConfidence", 4)).status()).isEqualTo(200);
        assertThat(mentor.post("/api/meetings/" + meeting + "/confidence", Map.of("confidence", 2)).status()).as("the mentor").isEqualTo(403);
        TestApi.Answer anotherMentee = TestApi.at(port).as(Person.mentee(UUID.randomUUID(), members.school())).post("/api/meetings/" + meeting + "/confidence",
                Map.of("confidence", 2));
        assertThat(anotherMentee.status()).as("another mentee").isEqualTo(404);
        assertThat(anotherMentee.json().path("detail").asText()).as("as for a meeting that does not exist, and nothing of the pairing")
                .isEqualTo("No meeting " + meeting + " is known here.");
        TestApi.Answer outOfRange = mentee.post("/api/meetings/" + meeting + "/confidence", Map.of("confidence", 0));
        assertThat(outOfRange.status()).isEqualTo(400);
        assertThat(outOfRange.json().path("errors").toString()).contains("confidence");
        TestApi.Answer fraction = mentee.post("/api/meetings/" + meeting + "/confidence", Map.of("confidence", 3.7));
        assertThat(fraction.status()).as("a fraction is refused, not cut down").isEqualTo(400);
        assertThat(fraction.json().path("detail").asText()).startsWith("confidence must be a whole number");

        TestApi.Answer rated = mentee.post("/api/meetings/" + meeting + "/confidence", Map.of("confidence", 2));
        assertThat(rated.status()).as(rated.toString()).isEqualTo(200);
        assertThat(rated.json().path("ownRating").asInt()).as("the answer shows the rating as recorded").isEqualTo(2);
        assertThat(mentee.post("/api/meetings/" + meeting + "/confidence", Map.of("confidence", 2)).status()).as("the same again").isEqualTo(200);
        assertThat(mentee.post("/api/meetings/" + meeting + "/confidence", Map.of("confidence", 3)).status()).as("thought better of").isEqualTo(200);

        // the ratings travel in order on the mentee's key, so once the last is on the topic, all are
        List<ConsumerRecord<String, CloudEvent>> ratings = await().atMost(Duration.ofSeconds(20)).until(() -> TopicProbe.readAll("mentoring.meeting.v1")
                .stream().filter(record -> meeting.equals(record.value().getSubject()) && record.value().getType().equals("uk.mentoring.meeting.ConfidenceRated.v1"))
                .toList(), found -> found.size() >= 2 && new String(found.get(found.size() - 1).value().getData().toBytes()).contains("\"confidence\":3"));
        assertThat(ratings).as("the same rating given twice is recorded once").hasSize(2);
        assertThat(ratings.get(0).key()).isEqualTo(members.mentee().toString());
        assertThat(new String(ratings.get(0).value().getData().toBytes())).contains("\"confidence\":2");
    }

    @Test
    void nothing_is_recorded_in_a_pairing_before_the_day_it_started() {
        LocalDate startsOn = LocalDate.now().minusDays(2);
        Members members = TestPairings.published(publisher, pairings, startsOn);
        TestApi mentor = TestApi.at(port).as(members.mentorPerson());
        String before = startsOn.minusDays(1) + "T15:45";

        TestApi.Answer scheduled = mentor.post("/api/meetings", Map.of("pairingId", members.pairing(), "scheduledFor", before,
                "durationMinutes", 45, "room", "Library quiet room"));
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(422);
        assertThat(scheduled.json().path("type").asText()).isEqualTo("/problems/before-pairing-started");
        assertThat(scheduled.json().path("detail").asText()).isEqualTo("scheduledFor (" + startsOn.minusDays(1)
                + ") is before the pairing started on " + startsOn + ".");

        String meeting = mentor.post("/api/meetings", Map.of("pairingId", members.pairing(), "scheduledFor", startsOn + "T15:45",
                "durationMinutes", 45, "room", "Library quiet room")).id();
        TestApi.Answer heldBefore = mentor.post("/api/meetings/" + meeting + "/held", Map.of("heldAt", before, "durationMinutes", 50,
                "quietRoomBooked", true, "topics", List.of("Ground rules"), "agreedActions", List.of(), "menteeConfidence", 3));
        assertThat(heldBefore.status()).as(heldBefore.toString()).isEqualTo(422);
        TestApi.Answer observedBefore = mentor.post("/api/observations", Map.of("pairingId", members.pairing(), "observedAt", before,
                "focus", "Questioning", "strengths", List.of("Calm start"), "developmentPoints", List.of()));
        assertThat(observedBefore.status()).as(observedBefore.toString()).isEqualTo(422);

        TestApi.Answer held = mentor.post("/api/meetings/" + meeting + "/held", Map.of("heldAt", startsOn + "T15:47", "durationMinutes", 50,
                "quietRoomBooked", true, "topics", List.of("Ground rules"), "agreedActions", List.of(), "menteeConfidence", 3));
        assertThat(held.status()).as(held.toString()).isEqualTo(200);
    }

    @Test
    void a_lesson_observed_and_its_feedback_are_on_the_topic() {
        Members members = pairing();
        TestApi mentor = TestApi.at(port).as(members.mentorPerson());
        TestApi.Answer observed = mentor.post("/api/observations", Map.of("pairingId", members.pairing(),
                "observedAt", Instant.now().minus(Duration.ofDays(1)).toString(), "focus", "Questioning",
                "strengths", List.of("Calm start"), "developmentPoints", List.of("Wait time")));
        assertThat(observed.status()).as(observed.toString()).isEqualTo(201);
        assertThat(mentor.post("/api/observations/" + observed.id() + "/feedback", Map.of("feedback", "Give five more seconds.")).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> find(observed.id(), "uk.mentoring.meeting.FeedbackGiven.v2") != null);
        assertThat(find(observed.id(), "uk.mentoring.meeting.LessonObserved.v2")).isNotNull();
    }

    @Test
    void the_two_people_in_a_pairing_read_back_a_meeting_and_an_observation_and_nobody_else_does() {
        Members members = pairing();
        TestApi mentor = TestApi.at(port).as(members.mentorPerson());
        TestApi mentee = TestApi.at(port).as(Person.mentee(members.mentee(), members.school()));
        String when = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MINUTES).toString();
        String meeting = mentor.post("/api/meetings", Map.of("pairingId", members.pairing(), "scheduledFor", when, "durationMinutes", 45,
                "room", "Library")).id();
        assertThat(mentee.get("/api/meetings/" + meeting).json().path("state").asText()).isEqualTo("SCHEDULED");
        mentor.post("/api/meetings/" + meeting + "/held", Map.of("heldAt", when, "durationMinutes", 40, "quietRoomBooked", true,
                "topics", List.of("Behaviour for learning"), "agreedActions", List.of("Try a seating plan"), "menteeConfidence", 2));
        mentee.post("/api/meetings/" + meeting + "/confidence", Map.of("confidence", 3));

        TestApi.Answer read = mentee.get("/api/meetings/" + meeting);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().path("state").asText()).isEqualTo("HELD");
        assertThat(read.json().path("agreedActions").get(0).asText()).isEqualTo("Try a seating plan");
        assertThat(read.json().path("confidenceRecorded").asInt()).isEqualTo(2);
        assertThat(read.json().path("ownRating").asInt()).isEqualTo(3);
        assertThat(read.json().path("room").asText()).isEqualTo("Library");
        assertThat(read.json().path("firstMeeting").asBoolean()).isTrue();

        // a meeting of a week before, recorded now, is the first: the one read back before no longer says it is
        String aWeekBefore = Instant.now().minus(Duration.ofDays(7)).truncatedTo(ChronoUnit.MINUTES).toString();
        String earlier = mentor.post("/api/meetings", Map.of("pairingId", members.pairing(), "scheduledFor", aWeekBefore, "durationMinutes", 45,
                "room", "Library")).id();
        assertThat(mentor.post("/api/meetings/" + earlier + "/held", Map.of("heldAt", aWeekBefore, "durationMinutes", 40, "quietRoomBooked", true,
                "topics", List.of("Getting to know each other"), "agreedActions", List.of(), "menteeConfidence", 2)).status()).isEqualTo(200);
        assertThat(mentee.get("/api/meetings/" + earlier).json().path("firstMeeting").asBoolean()).isTrue();
        assertThat(mentee.get("/api/meetings/" + meeting).json().path("firstMeeting").asBoolean()).isFalse();

        String observation = mentor.post("/api/observations", Map.of("pairingId", members.pairing(), "observedAt", when, "focus", "Questioning",
                "strengths", List.of("Calm start"), "developmentPoints", List.of("Wait time"))).id();
        mentor.post("/api/observations/" + observation + "/feedback", Map.of("feedback", "Give five more seconds."));
        TestApi.Answer feedback = mentee.get("/api/observations/" + observation);
        assertThat(feedback.json().path("feedback").asText()).isEqualTo("Give five more seconds.");
        assertThat(feedback.json().path("developmentPoints").get(0).asText()).isEqualTo("Wait time");

        assertThat(TestApi.at(port).as(Person.mentor(UUID.randomUUID(), members.school())).get("/api/meetings/" + meeting).status()).isEqualTo(404);
        assertThat(TestApi.at(port).as(Person.schoolLead(members.school())).get("/api/observations/" + observation).status()).isEqualTo(403);
        assertThat(mentor.get("/api/meetings/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void what_a_meeting_records_of_a_mentee_is_sealed_and_stops_opening_once_the_pairing_service_says_they_are_forgotten() throws Exception {
        Members members = pairing();
        TestApi mentor = TestApi.at(port).as(members.mentorPerson());
        String when = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MINUTES).toString();
        String meeting = mentor.post("/api/meetings", Map.of("pairingId", members.pairing(), "scheduledFor", when,
                "durationMinutes", 30, "room", "Room 4")).id();
        assertThat(mentor.post("/api/meetings/" + meeting + "/held", Map.of("heldAt", when, "durationMinutes", 30, "quietRoomBooked", true,
                "topics", List.of("Worried about Year 9 set 3"), "agreedActions", List.of(), "menteeConfidence", 2)).status()).isEqualTo(200);
        ConsumerRecord<String, CloudEvent> held = await().atMost(Duration.ofSeconds(20))
                .until(() -> find(meeting, "uk.mentoring.meeting.MeetingHeld.v2"), found -> found != null);
        String data = new String(held.value().getData().toBytes());
        assertThat(data).doesNotContain("Worried about Year 9 set 3");
        String sealed = uk.mentoring.kit.events.EventJson.mapper().readTree(data).path("topics").get(0).asText();
        TestApi analytics = TestApi.at(port).as(Person.withRoles(List.of("PERSONAL_DATA_READER")));
        assertThat(analytics.post("/personal-data/reveal", Map.of("values", List.of(sealed))).json().path("values").get(0).asText())
                .isEqualTo("Worried about Year 9 set 3");

        publisher.publish(new PersonForgotten(members.mentee(), members.school(), PersonRole.MENTEE, LocalDate.now()));

        await().atMost(Duration.ofSeconds(20)).until(() -> analytics.post("/personal-data/reveal", Map.of("values", List.of(sealed)))
                .json().path("values").get(0).asText().equals(SealedText.ERASED));
    }

    @Test
    void a_scheduled_meeting_left_alone_becomes_missed() {
        Members members = pairing();
        TestApi.Answer scheduled = TestApi.at(port).as(members.mentorPerson()).post("/api/meetings", Map.of("pairingId", members.pairing(),
                "scheduledFor", Instant.now().minus(Duration.ofDays(3)).toString(), "durationMinutes", 30, "room", "Room 4"));
        assertThat(scheduled.status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).until(() -> find(scheduled.id(), "uk.mentoring.meeting.MeetingMissed.v1") != null);
    }

    @Test
    void only_the_pairings_mentor_records_and_others_learn_nothing() {
        Members members = pairing();
        Map<String, Object> meeting = Map.of("pairingId", members.pairing(), "scheduledFor", "2026-12-01T15:45", "durationMinutes", 45, "room", "Room 4");
        TestApi api = TestApi.at(port);

        assertThat(api.as(Person.mentor(UUID.randomUUID(), members.school())).post("/api/meetings", meeting).status()).as("another mentor").isEqualTo(404);
        assertThat(api.as(Person.mentee(members.mentee(), members.school())).post("/api/meetings", meeting).status()).as("the mentee").isEqualTo(403);
        assertThat(api.as(Person.trustLead()).post("/api/meetings", meeting).status()).as("the trust lead").isEqualTo(403);
        assertThat(api.as(Person.auditor()).post("/api/meetings", meeting).status()).as("an auditor").isEqualTo(403);
        assertThat(api.as(Person.schoolLead(UUID.randomUUID())).post("/api/meetings", meeting).status()).as("a lead: not a mentor's role").isEqualTo(403);
        // a role that may never do it hears that first, not what its body lacks
        TestApi.Answer menteeSendsNothing = api.as(Person.mentee(members.mentee(), members.school())).post("/api/meetings/" + UUID.randomUUID() + "/held", Map.of());
        assertThat(menteeSendsNothing.status()).isEqualTo(403);
        assertThat(menteeSendsNothing.json().path("type").asText()).endsWith("/not-for-your-role");
        assertThat(menteeSendsNothing.json().path("detail").asText()).isEqualTo("Recording a meeting as held is for mentors; you are signed in as a mentee.");
        assertThat(api.as(members.mentorPerson()).post("/api/meetings", Map.of("pairingId", UUID.randomUUID(), "scheduledFor", "2026-12-01T15:45",
                "durationMinutes", 45, "room", "Room 4")).status()).as("an unknown pairing").isEqualTo(404);
        assertThat(api.as(members.mentorPerson()).post("/api/meetings/" + UUID.randomUUID() + "/held", Map.of()).status()).isEqualTo(400);
    }

    @Test
    void what_happened_while_a_pairing_lasted_is_recorded_after_it_ended_and_nothing_after_its_last_day() {
        Members members = pairing();
        TestApi mentor = TestApi.at(port).as(members.mentorPerson());
        LocalDate today = LocalDate.now(SchoolTime.ZONE);
        String lastWeek = today.minusDays(5).atTime(10, 0).toString();
        String meeting = mentor.post("/api/meetings", Map.of("pairingId", members.pairing(), "scheduledFor", lastWeek,
                "durationMinutes", 45, "room", "Room 4")).id();
        publisher.publish(new PairingEnded(members.pairing(), members.school(), members.mentor(), members.mentee(), PairingEndReason.MENTEE_LEFT_SCHOOL,
                today.minusDays(3)));
        await().atMost(Duration.ofSeconds(20)).until(() -> !pairings.find(members.pairing()).orElseThrow().isActive());

        TestApi.Answer heldLate = mentor.post("/api/meetings/" + meeting + "/held", Map.of("heldAt", lastWeek, "durationMinutes", 45,
                "quietRoomBooked", true, "topics", List.of("Leaving well"), "agreedActions", List.of(), "menteeConfidence", 4));
        assertThat(heldLate.status()).as("held before the pairing ended, recorded after: " + heldLate).isEqualTo(200);
        assertThat(mentor.post("/api/observations", Map.of("pairingId", members.pairing(), "observedAt", today.minusDays(4).atTime(9, 0).toString(),
                "focus", "Questioning", "strengths", List.of("Calm start"), "developmentPoints", List.of())).status()).isEqualTo(201);

        TestApi.Answer afterTheEnd = mentor.post("/api/meetings", Map.of("pairingId", members.pairing(),
                "scheduledFor", today.plusDays(2).atTime(15, 45).toString(), "durationMinutes", 45, "room", "Room 4"));
        assertThat(afterTheEnd.status()).isEqualTo(409);
        assertThat(afterTheEnd.json().path("type").asText()).isEqualTo("/problems/pairing-not-active");
        assertThat(afterTheEnd.json().path("detail").asText()).isEqualTo("Pairing " + members.pairing() + " ended on " + today.minusDays(3)
                + "; only what happened by then can still be recorded in it, with scheduledFor on or before that day.");
        assertThat(mentor.post("/api/observations", Map.of("pairingId", members.pairing(), "observedAt", today.minusDays(2).atTime(9, 0).toString(),
                "focus", "Questioning", "strengths", List.of("Calm start"), "developmentPoints", List.of())).status()).isEqualTo(409);
        TestApi.Answer rated = TestApi.at(port).as(Person.mentee(members.mentee(), members.school()))
                .post("/api/meetings/" + meeting + "/confidence", Map.of("confidence", 3));
        assertThat(rated.status()).isEqualTo(409);
        assertThat(rated.json().path("detail").asText()).endsWith("a mentee rates their confidence only while a pairing lasts.");

        await().atMost(Duration.ofSeconds(20)).until(() -> find(meeting, "uk.mentoring.meeting.MeetingHeld.v2") != null);
    }

    @Test
    void an_empty_meeting_record_is_told_every_field_it_needs() {
        Members members = pairing();
        TestApi mentor = TestApi.at(port).as(members.mentorPerson());
        String meeting = mentor.post("/api/meetings", Map.of("pairingId", members.pairing(), "scheduledFor", "2026-12-01T15:45",
                "durationMinutes", 45, "room", "Room 4")).id();

        TestApi.Answer empty = mentor.post("/api/meetings/" + meeting + "/held", Map.of());

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().path("detail").asText()).contains("durationMinutes is required", "heldAt is required and cannot be blank",
                "menteeConfidence is required", "quietRoomBooked is required", "topics is required", "agreedActions is required");
        TestApi.Answer longRoom = mentor.post("/api/meetings", Map.of("pairingId", members.pairing(), "scheduledFor", "2026-12-02T15:45",
                "durationMinutes", 45, "room", "R".repeat(121)));
        assertThat(longRoom.json().path("detail").asText()).isEqualTo("room has 121 characters; at most 120.");
        TestApi.Answer manyTopics = mentor.post("/api/meetings/" + meeting + "/held", Map.of("heldAt", "2026-12-01T15:45", "durationMinutes", 45,
                "quietRoomBooked", true, "topics", java.util.Collections.nCopies(31, "Routines"), "agreedActions", List.of(), "menteeConfidence", 3));
        assertThat(manyTopics.json().path("detail").asText()).isEqualTo("topics has 31 entries; at most 30.");
    }

    @Test
    void a_meeting_record_with_a_confidence_outside_one_to_five_is_refused() {
        Members members = pairing();
        TestApi mentor = TestApi.at(port).as(members.mentorPerson());
        String meeting = mentor.post("/api/meetings", Map.of("pairingId", members.pairing(), "scheduledFor", "2026-12-01T15:45",
                "durationMinutes", 45, "room", "Room 4")).id();
        TestApi.Answer answer = mentor.post("/api/meetings/" + meeting + "/held", Map.of("heldAt", Instant.now().toString(), "durationMinutes", 50,
                "quietRoomBooked", true, "topics", List.of(), "agreedActions", List.of(), "menteeConfidence", 7));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("errors").toString()).contains("menteeConfidence");
        TestApi.Answer badDate = mentor.post("/api/meetings", Map.of("pairingId", members.pairing(), "scheduledFor", "next tuesday",
                "durationMinutes", 45, "room", "Room 4"));
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().path("detail").asText()).contains("scheduledFor must be a date and time");
    }

    private static ConsumerRecord<String, CloudEvent> find(String subject, String type) {
        return TopicProbe.readAll("mentoring.meeting.v1").stream()
                .filter(record -> subject.equals(record.value().getSubject()) && type.equals(record.value().getType()))
                .findFirst().orElse(null);
    }
}
