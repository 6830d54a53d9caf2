package uk.mentoring.reflection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.mentoring.contracts.pairing.PairingEndReason;
import uk.mentoring.contracts.pairing.PairingEnded;
import uk.mentoring.kit.domain.SchoolTime;
import uk.mentoring.kit.events.EventJson;
import uk.mentoring.kit.pairings.PairingDirectory;
import uk.mentoring.testkit.TestApi;
import uk.mentoring.testkit.TestIdentityProvider.Person;
import uk.mentoring.testkit.TestPairings;
import uk.mentoring.testkit.TestPairings.Members;
import uk.mentoring.testkit.TestPublisher;
import uk.mentoring.testkit.TopicProbe;

/** Mentees reflect and set targets, mentors review: each a CloudEvent on the reflection topic, except what is private. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReflectionsThroughTheApiTest {

    static TestPublisher publisher;

    @LocalServerPort
    int port;

    @Autowired
    PairingDirectory pairings;

    @Autowired
    MongoDatabase database;

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

    static Map<String, Object> gibbs(UUID pairing, String privateNote) {
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("description", "The class lost focus in the starter.");
        sections.put("feelings", "Rushed.");
        sections.put("evaluation", "Modelling went well.");
        sections.put("analysis", "Equipment was not ready.");
        sections.put("conclusion", "Preparation matters.");
        sections.put("actionPlan", "Hand out equipment first.");
        Map<String, Object> body = new LinkedHashMap<>(Map.of("pairingId", pairing, "model", "GIBBS", "sections", sections, "selfAssessedDepth", "ANALYSING"));
        if (privateNote != null) {
            body.put("privateNote", privateNote);
        }
        return body;
    }

    @Test
    void a_mentee_reflects_and_the_mentor_reviews_and_the_private_note_stays_here() throws Exception {
        Members members = pairing();
        String note = "private-" + UUID.randomUUID();
        TestApi.Answer submitted = TestApi.at(port).as(members.menteePerson()).post("/api/reflections", gibbs(members.pairing(), note));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        TestApi.Answer reviewed = TestApi.at(port).as(members.mentorPerson()).post("/api/reflections/" + submitted.id() + "/review",
                Map.of("assessedDepth", "EVALUATING", "feedback", "You found the cause, not only the symptom."));
        assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> find(submitted.id(), "uk.mentoring.reflection.ReflectionReviewed.v2") != null);
        ConsumerRecord<String, CloudEvent> reflection = find(submitted.id(), "uk.mentoring.reflection.ReflectionSubmitted.v2");
        String published = new String(reflection.value().getData().toBytes(), StandardCharsets.UTF_8);
        assertThat(published).as("the mentee's words travel sealed with their key")
                .contains("\"actionPlan\":\"pd1.reflection." + members.mentee() + ".")
                .doesNotContain("Hand out equipment first.");

        Document kept = database.getCollection("domainevents").find(Filters.and(
                Filters.eq("payloadType", "uk.mentoring.reflection.reflection.PrivateNoteKept"),
                Filters.regex("serializedPayload", submitted.id()))).first();
        assertThat(kept).as("the private note is kept in this service's store").isNotNull();
        String sealedNote = EventJson.mapper().readTree(kept.getString("serializedPayload")).path("note").asText();
        assertThat(sealedNote).startsWith("pd1.reflection." + members.mentee() + ".").doesNotContain(note);
        await().atMost(Duration.ofSeconds(10)).until(() -> Boolean.TRUE.equals(database.getCollection("domainevents")
                .find(Filters.eq("_id", kept.get("_id"))).first().get("published")));
        assertThat(TopicProbe.readAllRaw("mentoring.reflection.v1"))
                .noneMatch(record -> new String(record.value(), StandardCharsets.UTF_8).contains(sealedNote));

        String sealedPlan = EventJson.mapper().readTree(published).path("sections").path("actionPlan").asText();
        TestApi.Answer opened = TestApi.at(port).as(Person.withRoles(List.of("PERSONAL_DATA_READER")))
                .post("/personal-data/reveal", Map.of("values", List.of(sealedPlan, sealedNote, "plain words")));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
        assertThat(opened.json().path("values")).extracting(JsonNode::asText)
                .containsExactly("Hand out equipment first.", note, "plain words");
        TestApi.Answer refused = TestApi.at(port).as(members.menteePerson()).post("/personal-data/reveal", Map.of("values", List.of(sealedPlan)));
        assertThat(refused.status()).as("only the analytics service has sealed values opened, not even their owner").isEqualTo(403);
        assertThat(refused.isProblem()).isTrue();
    }

    @Test
    void the_mentor_reads_the_reflection_to_review_it_and_the_mentee_reads_the_answer_but_nobody_else_reads_it_here() {
        Members members = pairing();
        TestApi mentee = TestApi.at(port).as(members.menteePerson());
        TestApi mentor = TestApi.at(port).as(members.mentorPerson());
        String reflection = mentee.post("/api/reflections", gibbs(members.pairing(), "Only for me")).id();

        TestApi.Answer toReview = mentor.get("/api/reflections/" + reflection);
        assertThat(toReview.status()).as(toReview.toString()).isEqualTo(200);
        assertThat(toReview.json().path("sections").path("actionPlan").asText()).isEqualTo("Hand out equipment first.");
        assertThat(toReview.json().path("selfAssessedDepth").asText()).isEqualTo("ANALYSING");
        assertThat(toReview.json().path("privateNote").isNull()).as("the mentee's private note is theirs alone").isTrue();
        assertThat(toReview.json().path("review").isNull()).isTrue();

        mentor.post("/api/reflections/" + reflection + "/review", Map.of("assessedDepth", "EVALUATING", "feedback", "You found the cause."));
        TestApi.Answer answered = mentee.get("/api/reflections/" + reflection);
        assertThat(answered.json().path("privateNote").asText()).isEqualTo("Only for me");
        assertThat(answered.json().path("review").path("assessedDepth").asText()).isEqualTo("EVALUATING");
        assertThat(answered.json().path("review").path("feedback").asText()).isEqualTo("You found the cause.");

        assertThat(TestApi.at(port).as(Person.schoolLead(members.school())).get("/api/reflections/" + reflection).status())
                .as("the school's lead sees the pairing, not what the mentee wrote").isEqualTo(403);
        assertThat(TestApi.at(port).as(Person.trustLead()).get("/api/reflections/" + reflection).status()).isEqualTo(403);
        TestApi.Answer stranger = TestApi.at(port).as(Person.mentor(UUID.randomUUID(), members.school())).get("/api/reflections/" + reflection);
        assertThat(stranger.status()).as("another mentor hears of no such reflection").isEqualTo(404);
        assertThat(mentor.get("/api/reflections/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void a_reflection_missing_a_section_of_its_model_is_refused_and_changes_nothing() {
        Members members = pairing();
        Map<String, Object> body = gibbs(members.pairing(), null);
        @SuppressWarnings("unchecked")
        Map<String, String> sections = (Map<String, String>) body.get("sections");
        sections.remove("feelings");

        TestApi.Answer answer = TestApi.at(port).as(members.menteePerson()).post("/api/reflections", body);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().path("type").asText()).isEqualTo("/problems/reflection-section-missing");
        assertThat(answer.json().path("detail").asText()).endsWith("write feelings.");

        for (int extra = 1; extra <= 6; extra++) {
            sections.put("extra" + extra, "More.");
        }
        TestApi.Answer tooMany = TestApi.at(port).as(members.menteePerson()).post("/api/reflections", body);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().path("detail").asText()).isEqualTo("sections has 11 entries; at most 10.");
    }

    @Test
    void a_pairing_made_ahead_of_its_start_records_nothing_before_it_starts() {
        LocalDate startsOn = LocalDate.now().plusDays(5);
        Members members = TestPairings.published(publisher, pairings, startsOn);

        TestApi.Answer reflection = TestApi.at(port).as(members.menteePerson()).post("/api/reflections", gibbs(members.pairing(), null));
        TestApi.Answer target = TestApi.at(port).as(members.mentorPerson()).post("/api/development-targets",
                Map.of("pairingId", members.pairing(), "area", "Seating plans"));

        assertThat(reflection.status()).as(reflection.toString()).isEqualTo(422);
        assertThat(reflection.json().path("type").asText()).isEqualTo("/problems/before-pairing-started");
        assertThat(target.status()).as(target.toString()).isEqualTo(422);
        assertThat(target.json().path("detail").asText()).isEqualTo("setOn (" + LocalDate.now() + ") is before the pairing started on " + startsOn + ".");
    }

    @Test
    void a_target_set_by_the_mentee_is_identified_by_the_mentee_and_by_the_mentor_by_the_mentor() {
        Members members = pairing();
        TestApi.Answer mine = TestApi.at(port).as(members.menteePerson()).post("/api/development-targets",
                Map.of("pairingId", members.pairing(), "area", "Wait time after questions", "identifiedBy", "MENTOR"));
        assertThat(mine.status()).as("a caller cannot say who identified the need: %s", mine).isEqualTo(400);

        TestApi.Answer byMentee = TestApi.at(port).as(members.menteePerson()).post("/api/development-targets",
                Map.of("pairingId", members.pairing(), "area", "Wait time after questions"));
        TestApi.Answer byMentor = TestApi.at(port).as(members.mentorPerson()).post("/api/development-targets",
                Map.of("pairingId", members.pairing(), "area", "Seating plans"));
        assertThat(byMentee.status()).isEqualTo(201);
        assertThat(byMentor.status()).isEqualTo(201);
        TestApi.Answer met = TestApi.at(port).as(members.menteePerson()).post("/api/development-targets/" + byMentee.id() + "/met", Map.of());
        assertThat(met.status()).isEqualTo(200);
        assertThat(met.json().path("metOn").asText()).isEqualTo(LocalDate.now(SchoolTime.ZONE).toString());
        TestApi.Answer readBack = TestApi.at(port).as(members.mentorPerson()).get("/api/development-targets/" + byMentee.id());
        assertThat(readBack.json().path("area").asText()).as("in the words it was set in").isEqualTo("Wait time after questions");
        assertThat(readBack.json().path("identifiedBy").asText()).isEqualTo("MENTEE");
        assertThat(TestApi.at(port).as(Person.schoolLead(members.school())).get("/api/development-targets/" + byMentee.id()).status()).isEqualTo(403);

        await().atMost(Duration.ofSeconds(20)).until(() -> find(byMentee.id(), "uk.mentoring.reflection.DevelopmentTargetMet.v1") != null);
        assertThat(new String(find(byMentee.id(), "uk.mentoring.reflection.DevelopmentTargetSet.v2").value().getData().toBytes()))
                .contains("\"identifiedBy\":\"MENTEE\"");
        assertThat(new String(find(byMentor.id(), "uk.mentoring.reflection.DevelopmentTargetSet.v2").value().getData().toBytes()))
                .contains("\"identifiedBy\":\"MENTOR\"");
    }

    @Test
    void a_target_met_before_the_pairing_ended_is_recorded_after_and_one_dated_later_is_not() {
        Members members = pairing();
        TestApi mentee = TestApi.at(port).as(members.menteePerson());
        LocalDate today = LocalDate.now(SchoolTime.ZONE);
        String target = mentee.post("/api/development-targets", Map.of("pairingId", members.pairing(), "area", "Wait time after questions",
                "setOn", today.minusDays(10).toString())).id();
        publisher.publish(new PairingEnded(members.pairing(), members.school(), members.mentor(), members.mentee(), PairingEndReason.MENTEE_LEFT_SCHOOL,
                today.minusDays(3)));
        await().atMost(Duration.ofSeconds(20)).until(() -> !pairings.find(members.pairing()).orElseThrow().isActive());

        TestApi.Answer metToday = mentee.post("/api/development-targets/" + target + "/met", Map.of());
        assertThat(metToday.status()).as("today is after the pairing's last day").isEqualTo(409);
        assertThat(metToday.json().path("detail").asText()).contains("only what happened by then can still be recorded in it, with metOn on or before");
        assertThat(mentee.post("/api/development-targets/" + target + "/met", Map.of("metOn", today.minusDays(4).toString())).status()).isEqualTo(200);
        assertThat(mentee.post("/api/reflections", Map.of("pairingId", members.pairing(), "model", "FREE", "sections", Map.of("text", "Last week"),
                "selfAssessedDepth", "APPLYING")).status()).as("written today, after the end").isEqualTo(409);

        await().atMost(Duration.ofSeconds(20)).until(() -> find(target, "uk.mentoring.reflection.DevelopmentTargetMet.v1") != null);
    }

    @Test
    void only_the_mentee_reflects_and_only_the_mentor_reviews() {
        Members members = pairing();
        TestApi api = TestApi.at(port);
        assertThat(api.as(members.mentorPerson()).post("/api/reflections", gibbs(members.pairing(), null)).status()).isEqualTo(403);
        assertThat(api.as(Person.mentee(UUID.randomUUID(), members.school())).post("/api/reflections", gibbs(members.pairing(), null)).status())
                .isEqualTo(404);
        String reflection = api.as(members.menteePerson()).post("/api/reflections", gibbs(members.pairing(), null)).id();
        Map<String, String> review = Map.of("assessedDepth", "APPLYING", "feedback", "Good");
        assertThat(api.as(members.menteePerson()).post("/api/reflections/" + reflection + "/review", review).status()).isEqualTo(403);
        assertThat(api.as(Person.auditor()).post("/api/reflections/" + reflection + "/review", review).status()).isEqualTo(403);
        assertThat(api.as(Person.mentor(UUID.randomUUID(), members.school())).post("/api/reflections/" + reflection + "/review", review).status())
                .isEqualTo(404);
    }

    private static ConsumerRecord<String, CloudEvent> find(String subject, String type) {
        return TopicProbe.readAll("mentoring.reflection.v1").stream()
                .filter(record -> subject.equals(record.value().getSubject()) && type.equals(record.value().getType()))
                .findFirst().orElse(null);
    }
}
