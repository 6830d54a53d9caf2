package uk.mentoring.analytics.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.mentoring.contracts.MenteeStage;
import uk.mentoring.contracts.RecordedBy;
import uk.mentoring.contracts.ReflectionDepth;
import uk.mentoring.contracts.ReflectionModel;
import uk.mentoring.contracts.SupportLevel;
import uk.mentoring.contracts.meeting.MeetingHeld;
import uk.mentoring.contracts.pairing.MenteeEnrolled;
import uk.mentoring.contracts.pairing.PairingCreated;
import uk.mentoring.contracts.pairing.SupportLevelChanged;
import uk.mentoring.contracts.reflection.ReflectionReviewed;
import uk.mentoring.contracts.reflection.ReflectionSubmitted;
import uk.mentoring.kit.events.EventJson;
import uk.mentoring.testkit.TestApi;
import uk.mentoring.testkit.TestIdentityProvider.Person;
import uk.mentoring.testkit.TestPublisher;

/**
 * A mentee's audit record from the real topics of all three services: history in the order things
 * happened, the state as it stood at chosen instants, a chain that notices tampering, exports,
 * and reads that are themselves recorded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MenteeAuditTest {

    static TestPublisher publisher;

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase database;

    final UUID school = UUID.randomUUID();
    final UUID mentor = UUID.randomUUID();
    final UUID mentee = UUID.randomUUID();
    final UUID pairing = UUID.randomUUID();
    final UUID firstMeeting = UUID.randomUUID();
    final UUID secondMeeting = UUID.randomUUID();
    final UUID reflection = UUID.randomUUID();
    final UUID schoolLead = UUID.randomUUID();

    @BeforeAll
    static void publisher() {
        publisher = new TestPublisher();
    }

    @AfterAll
    static void close() {
        publisher.close();
    }

    /**
     * The term as the services recorded it. The first meeting was written up two days late, so
     * it is recorded after the reflection that followed it; each topic is published on its own.
     */
    private void publishTerm() {
        publisher.publish(UUID.randomUUID().toString(), Instant.parse("2026-09-01T08:00:00Z"),
                new MenteeEnrolled(mentee, school, "Tom Whitfield", "t.w@example.org", MenteeStage.ECT_YEAR_1, List.of("Maths")));
        publisher.publish(UUID.randomUUID().toString(), Instant.parse("2026-09-07T09:00:00Z"),
                new PairingCreated(pairing, school, mentor, mentee, MenteeStage.ECT_YEAR_1, LocalDate.of(2026, 9, 7)));
        // the reflection service's topic
        publisher.publish(UUID.randomUUID().toString(), Instant.parse("2026-09-10T19:00:00Z"),
                new ReflectionSubmitted(reflection, pairing, school, mentor, mentee, ReflectionModel.GIBBS, Map.of("description", "First week."),
                        ReflectionDepth.UNDERSTANDING, Instant.parse("2026-09-10T19:00:00Z")),
                Optional.of(new RecordedBy(Optional.of(mentee), List.of("MENTEE"))));
        publisher.publish(UUID.randomUUID().toString(), Instant.parse("2026-09-14T16:00:00Z"),
                new ReflectionReviewed(reflection, pairing, school, mentor, mentee, ReflectionDepth.APPLYING, "Good.", Instant.parse("2026-09-14T16:00:00Z")));
        // the meeting service's topic: held on the 8th, recorded on the 10th at noon
        publisher.publish(UUID.randomUUID().toString(), Instant.parse("2026-09-10T12:00:00Z"),
                new MeetingHeld(firstMeeting, pairing, school, mentor, mentee, Instant.parse("2026-09-08T15:30:00Z"), 45, true, true,
                        List.of("Routines"), List.of(), 2));
        publisher.publish(UUID.randomUUID().toString(), Instant.parse("2026-09-15T16:30:00Z"),
                new MeetingHeld(secondMeeting, pairing, school, mentor, mentee, Instant.parse("2026-09-15T15:30:00Z"), 45, false, true,
                        List.of("Questioning"), List.of(), 4));
        publisher.publish(UUID.randomUUID().toString(), Instant.parse("2026-10-05T08:00:00Z"),
                new SupportLevelChanged(pairing, school, mentor, mentee, SupportLevel.INTENSIVE, SupportLevel.REGULAR, null, LocalDate.of(2026, 10, 5)),
                Optional.of(new RecordedBy(Optional.of(schoolLead), List.of("SCHOOL_LEAD", "MENTOR"))));
    }

    private TestApi auditor() {
        TestApi auditor = TestApi.at(port).as(Person.auditor());
        await().atMost(Duration.ofSeconds(20)).until(() -> auditor.get("/api/audit/mentees/" + mentee + "/events").json().path("total").asInt() == 7);
        return auditor;
    }

    @Test
    void the_history_comes_in_the_order_things_happened_across_the_three_services() {
        publishTerm();
        JsonNode history = auditor().get("/api/audit/mentees/" + mentee + "/events").json();

        List<String> types = new ArrayList<>();
        history.path("events").forEach(event -> types.add(event.path("type").asText() + "@" + event.path("occurredAt").asText()));
        assertThat(types).containsExactly(
                "MenteeEnrolled@2026-09-01T08:00:00Z",
                "PairingCreated@2026-09-07T09:00:00Z",
                "MeetingHeld@2026-09-08T15:30:00Z",
                "ReflectionSubmitted@2026-09-10T19:00:00Z",
                "ReflectionReviewed@2026-09-14T16:00:00Z",
                "MeetingHeld@2026-09-15T15:30:00Z",
                "SupportLevelChanged@2026-10-05T08:00:00Z");
        assertThat(history.path("events").get(2).path("recordedAt").asText()).isEqualTo("2026-09-10T12:00:00Z");
        assertThat(history.path("events").get(2).path("data").path("menteeConfidence").asInt()).isEqualTo(2);

        JsonNode page = TestApi.at(port).as(Person.auditor()).get("/api/audit/mentees/" + mentee + "/events?size=2&page=1").json();
        assertThat(page.path("total").asInt()).isEqualTo(7);
        assertThat(page.path("events").get(0).path("type").asText()).isEqualTo("MeetingHeld");
        JsonNode known = TestApi.at(port).as(Person.auditor()).get("/api/audit/mentees/" + mentee + "/events?until=2026-09-09").json();
        assertThat(known.path("total").asInt()).as("what had been recorded by the end of 9 September").isEqualTo(2);
        TestApi.Answer beforeAnything = TestApi.at(port).as(Person.auditor()).get("/api/audit/mentees/" + mentee + "/events?until=2026-08-01");
        assertThat(beforeAnything.status()).as("a mentee known later is not unknown: %s", beforeAnything).isEqualTo(200);
        assertThat(beforeAnything.json().path("total").asInt()).isZero();
    }

    @Test
    void the_state_as_the_records_stood_at_chosen_instants() {
        publishTerm();
        TestApi auditor = auditor();

        JsonNode beforePairing = auditor.get("/api/audit/mentees/" + mentee + "/state?asOf=2026-09-06").json();
        assertThat(beforePairing.path("displayName").asText()).isEqualTo("Tom Whitfield");
        assertThat(beforePairing.path("pairings")).isEmpty();

        // on the 9th the first meeting had happened but was not yet recorded
        JsonNode ninth = auditor.get("/api/audit/mentees/" + mentee + "/state?asOf=2026-09-09T23:00:00Z").json().path("pairings").get(0);
        assertThat(ninth.at("/cadence/meetingsHeld").asInt()).isZero();
        assertThat(ninth.at("/reflections/submitted").asInt()).isZero();

        JsonNode twelfth = auditor.get("/api/audit/mentees/" + mentee + "/state?asOf=2026-09-12").json().path("pairings").get(0);
        assertThat(twelfth.at("/cadence/meetingsHeld").asInt()).isEqualTo(1);
        assertThat(twelfth.at("/confidence/latest").asInt()).isEqualTo(2);
        assertThat(twelfth.at("/reflections/series/0/selfAssessedLevel").asInt()).isEqualTo(2);
        assertThat(twelfth.at("/reflections/series/0/mentorAssessedLevel").isNull()).as("not yet reviewed").isTrue();
        assertThat(twelfth.at("/support/current").asText()).isEqualTo("INTENSIVE");

        JsonNode october = auditor.get("/api/audit/mentees/" + mentee + "/state?asOf=2026-10-06").json().path("pairings").get(0);
        assertThat(october.at("/cadence/meetingsHeld").asInt()).isEqualTo(2);
        assertThat(october.at("/confidence/series").size()).isEqualTo(2);
        assertThat(october.at("/confidence/latest").asInt()).isEqualTo(4);
        assertThat(october.at("/reflections/series/0/mentorAssessedLevel").asInt()).isEqualTo(3);
        assertThat(october.at("/support/current").asText()).isEqualTo("REGULAR");

        JsonNode beforeAnything = auditor.get("/api/audit/mentees/" + mentee + "/state?asOf=2026-01-01").json();
        assertThat(beforeAnything.path("entries").asInt()).as("a known mentee before anything was recorded").isZero();
        assertThat(beforeAnything.path("pairings")).isEmpty();
        assertThat(auditor.get("/api/audit/mentees/" + mentee + "/state").json().path("entries").asInt()).isEqualTo(7);
        // an entry of a kind a later version publishes is passed over by this one
        database.getCollection("audit_trail").insertOne(new org.bson.Document("_id", mentee + ":8").append("menteeId", mentee.toString())
                .append("sequence", 8L).append("eventId", UUID.randomUUID().toString()).append("type", "MentoringCircleJoined")
                .append("cloudEventType", "uk.mentoring.pairing.mentoring-circle-joined.v1").append("occurredAt", "2026-10-07T08:00:00Z")
                .append("recordedAt", "2026-10-07T08:00:00Z").append("data", "{\"circle\":\"Early readers\"}")
                .append("previousHash", "unknown").append("hash", "unknown"));
        JsonNode withUnknown = auditor.get("/api/audit/mentees/" + mentee + "/state").json();
        assertThat(withUnknown.path("entries").asInt()).isEqualTo(7);
        assertThat(withUnknown.at("/pairings/0/cadence/meetingsHeld").asInt()).isEqualTo(2);

        assertThat(auditor.get("/api/audit/mentees/" + mentee + "/state?asOf=yesterday").status()).isEqualTo(400);
        TestApi.Answer beforeTime = auditor.get("/api/audit/mentees/" + mentee + "/state?asOf=-1000000000-01-01T00:00:00Z");
        assertThat(beforeTime.status()).as("a day no calendar reads is a mistake, not a failure").isEqualTo(400);
        assertThat(beforeTime.json().path("detail").asText()).startsWith("asOf must not fall before 2000-01-01");
        TestApi.Answer afterTime = auditor.get("/api/audit/mentees/" + mentee + "/state?asOf=+1000000000-12-31T23:59:59Z");
        assertThat(afterTime.status()).isEqualTo(400);
        TestApi.Answer lastDay = auditor.get("/api/audit/mentees/" + mentee + "/state?asOf=9999-12-31");
        assertThat(lastDay.json().path("detail").asText()).as("no longer contradicts itself").contains("still to come");
        TestApi.Answer unknown = auditor.get("/api/audit/mentees/" + UUID.randomUUID() + "/state");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
    }

    @Test
    void the_chain_holds_and_breaks_at_the_entry_that_was_changed() {
        publishTerm();
        TestApi auditor = auditor();
        JsonNode intact = auditor.get("/api/audit/mentees/" + mentee + "/verify").json();
        assertThat(intact.path("intact").asBoolean()).isTrue();
        assertThat(intact.path("entries").asInt()).isEqualTo(7);

        JsonNode entry = auditor.get("/api/audit/mentees/" + mentee + "/events").json().path("events").get(2);
        long sequence = entry.path("sequence").asLong();
        String changed = database.getCollection("audit_trail").find(Filters.eq("eventId", entry.path("eventId").asText())).first()
                .getString("data").replace("\"menteeConfidence\":2", "\"menteeConfidence\":5");
        database.getCollection("audit_trail").updateOne(Filters.eq("eventId", entry.path("eventId").asText()), Updates.set("data", changed));

        JsonNode broken = auditor.get("/api/audit/mentees/" + mentee + "/verify").json();
        assertThat(broken.path("intact").asBoolean()).isFalse();
        assertThat(broken.at("/firstBreak/sequence").asLong()).isEqualTo(sequence);
        assertThat(broken.at("/firstBreak/eventId").asText()).isEqualTo(entry.path("eventId").asText());
        assertThat(broken.at("/firstBreak/reason").asText()).contains("changed");
    }

    @Test
    void each_entry_names_who_recorded_it_and_the_chain_vouches_for_that_too() {
        publishTerm();
        TestApi auditor = auditor();
        JsonNode events = auditor.get("/api/audit/mentees/" + mentee + "/events").json().path("events");
        JsonNode support = events.get(6);
        assertThat(support.path("type").asText()).isEqualTo("SupportLevelChanged");
        assertThat(support.at("/recordedBy/personId").asText()).isEqualTo(schoolLead.toString());
        assertThat(support.at("/recordedBy/roles").toString()).isEqualTo("[\"MENTOR\",\"SCHOOL_LEAD\"]");
        JsonNode reflected = events.get(3);
        assertThat(reflected.path("type").asText()).isEqualTo("ReflectionSubmitted");
        assertThat(reflected.at("/recordedBy/personId").asText()).isEqualTo(mentee.toString());
        assertThat(events.get(0).path("recordedBy").isMissingNode() || events.get(0).path("recordedBy").isNull())
                .as("enrolled at nobody's request").isTrue();

        // who recorded it is part of what the hash vouches for: naming someone else breaks the chain there
        database.getCollection("audit_trail").updateOne(Filters.eq("eventId", support.path("eventId").asText()),
                Updates.set("recordedByRoles", "MENTEE"));
        JsonNode broken = auditor.get("/api/audit/mentees/" + mentee + "/verify").json();
        assertThat(broken.path("intact").asBoolean()).isFalse();
        assertThat(broken.at("/firstBreak/eventId").asText()).isEqualTo(support.path("eventId").asText());
        assertThat(broken.at("/firstBreak/reason").asText()).contains("changed");

        database.getCollection("audit_trail").updateOne(Filters.eq("eventId", support.path("eventId").asText()),
                Updates.set("recordedByRoles", "MENTOR,SCHOOL_LEAD"));
        assertThat(auditor.get("/api/audit/mentees/" + mentee + "/verify").json().path("intact").asBoolean()).isTrue();
        database.getCollection("audit_trail").updateOne(Filters.eq("eventId", reflected.path("eventId").asText()),
                Updates.combine(Updates.unset("recordedByPersonId"), Updates.unset("recordedByRoles")));
        assertThat(auditor.get("/api/audit/mentees/" + mentee + "/verify").json().at("/firstBreak/eventId").asText())
                .as("nobody named where someone was").isEqualTo(reflected.path("eventId").asText());
    }

    @Test
    void a_removed_entry_is_named_and_what_came_after_it_is_still_shown() {
        publishTerm();
        TestApi auditor = auditor();
        // which event is third depends on the order the three topics were read in
        List<String> before = new ArrayList<>();
        auditor.get("/api/audit/mentees/" + mentee + "/events").json().path("events").forEach(event -> before.add(event.path("eventId").asText()));
        String removed = database.getCollection("audit_trail").find(Filters.eq("_id", mentee + ":3")).first().getString("eventId");
        database.getCollection("audit_trail").deleteOne(Filters.eq("_id", mentee + ":3"));

        JsonNode broken = auditor.get("/api/audit/mentees/" + mentee + "/verify").json();
        assertThat(broken.path("intact").asBoolean()).isFalse();
        assertThat(broken.at("/firstBreak/sequence").asLong()).isEqualTo(4);
        assertThat(broken.at("/firstBreak/reason").asText()).isEqualTo("entry 3 is missing");
        List<String> after = new ArrayList<>();
        auditor.get("/api/audit/mentees/" + mentee + "/events").json().path("events").forEach(event -> after.add(event.path("eventId").asText()));
        before.remove(removed);
        assertThat(after).hasSize(6).containsExactlyElementsOf(before);
    }

    @Test
    void a_trail_of_more_than_a_thousand_events_is_read_whole() {
        publishTerm();
        int weeks = 1_100;
        for (int week = 0; week < weeks; week++) {
            Instant held = Instant.parse("2026-10-06T15:30:00Z").plus(Duration.ofHours(week));
            publisher.publish(UUID.randomUUID().toString(), held.plus(Duration.ofMinutes(50)),
                    new MeetingHeld(UUID.randomUUID(), pairing, school, mentor, mentee, held, 30, false, true, List.of("Feedback"), List.of(), 3));
        }
        TestApi auditor = TestApi.at(port).as(Person.auditor());
        await().atMost(Duration.ofSeconds(60)).until(() -> auditor.get("/api/audit/mentees/" + mentee + "/events").json().path("total").asInt() == 7 + weeks);

        JsonNode verification = auditor.get("/api/audit/mentees/" + mentee + "/verify").json();
        assertThat(verification.path("intact").asBoolean()).isTrue();
        assertThat(verification.path("entries").asInt()).isEqualTo(7 + weeks);
        assertThat(auditor.get("/api/audit/mentees/" + mentee + "/state").json().at("/pairings/0/cadence/meetingsHeld").asInt()).isEqualTo(2 + weeks);
        JsonNode lastPage = auditor.get("/api/audit/mentees/" + mentee + "/events?size=10&page=110").json();
        assertThat(lastPage.path("events")).hasSize(7);
        assertThat(lastPage.path("events").get(6).path("occurredAt").asText())
                .isEqualTo(Instant.parse("2026-10-06T15:30:00Z").plus(Duration.ofHours(weeks - 1)).toString());
        assertThat(auditor.get("/api/audit/mentees/" + mentee + "/export?format=jsonl").body().strip().split("\n")).hasSize(7 + weeks);
    }

    @Test
    void exports_for_machines_and_for_people() throws Exception {
        publishTerm();
        TestApi auditor = auditor();

        TestApi.Answer lines = auditor.get("/api/audit/mentees/" + mentee + "/export?format=jsonl");
        assertThat(lines.status()).isEqualTo(200);
        assertThat(lines.header("Content-Disposition")).hasValueSatisfying(value -> assertThat(value).contains("mentee-" + mentee + ".jsonl"));
        assertThat(lines.body().strip().split("\n")).hasSize(7).allSatisfy(line -> assertThat(line).startsWith("{\"sequence\":"));

        TestApi.Answer table = auditor.get("/api/audit/mentees/" + mentee + "/export?format=csv");
        String[] rows = table.body().strip().split("\n");
        assertThat(rows[0]).as("marked as UTF-8 for spreadsheets")
                .isEqualTo("\uFEFFsequence,occurred_at,occurred_on,recorded_at,recorded_by_person_id,recorded_by_roles,event,details,event_id,previous_hash,hash");
        assertThat(rows).hasSize(8);
        assertThat(rows[3]).contains("\"MeetingHeld\"").contains("menteeConfidence: 2").contains("topics: [\"\"");
        assertThat(rows[2]).as("a day's fact on its day in the schools").contains("\"PairingCreated\"").contains(",2026-09-07,");
        assertThat(rows[7]).contains("\"SupportLevelChanged\"").as("nothing written where nothing was given").doesNotContain("null");
        assertThat(rows[7]).as("who changed it").contains("," + schoolLead + ",\"MENTOR,SCHOOL_LEAD\",");
        assertThat(rows[3]).as("recorded at nobody's request").contains(",,\"\",\"MeetingHeld\"");

        // the chain, checked from the export alone, as the README says an outsider would
        List<JsonNode> entries = new ArrayList<>();
        for (String line : lines.body().strip().split("\n")) {
            entries.add(EventJson.mapper().readTree(line));
        }
        entries.sort(java.util.Comparator.comparingLong(entry -> entry.path("sequence").asLong()));
        String previous = "0".repeat(64);
        for (JsonNode entry : entries) {
            assertThat(entry.path("previousHash").asText()).isEqualTo(previous);
            String hashed = String.join("\n", entry.path("sequence").asText(), entry.path("eventId").asText(), entry.path("cloudEventType").asText(),
                    entry.path("occurredAt").asText(), entry.path("recordedAt").asText(), entry.path("recordedData").asText(), previous);
            JsonNode recordedBy = entry.path("recordedBy");
            if (!recordedBy.isMissingNode() && !recordedBy.isNull()) {
                List<String> roles = new ArrayList<>();
                recordedBy.path("roles").forEach(role -> roles.add(role.asText()));
                hashed = String.join("\n", hashed, recordedBy.path("personId").asText(""), String.join(",", roles));
            }
            String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(hashed.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(entry.path("hash").asText()).as("entry %s", entry.path("sequence")).isEqualTo(hash);
            previous = hash;
        }

        assertThat(auditor.get("/api/audit/mentees/" + mentee + "/export?format=xlsx").status()).isEqualTo(400);
    }

    @Test
    void the_trust_lead_reads_the_record_without_what_the_reflections_say_and_an_auditor_reads_it_whole() {
        publishTerm();
        JsonNode whole = auditor().get("/api/audit/mentees/" + mentee + "/events").json().path("events");
        TestApi trustLead = TestApi.at(port).as(Person.trustLead());
        JsonNode withheld = trustLead.get("/api/audit/mentees/" + mentee + "/events").json().path("events");

        assertThat(whole.get(3).path("data").path("sections").path("description").asText()).isEqualTo("First week.");
        assertThat(whole.get(4).path("data").path("feedback").asText()).isEqualTo("Good.");
        assertThat(withheld.get(3).path("type").asText()).isEqualTo("ReflectionSubmitted");
        assertThat(withheld.get(3).path("data").path("sections").asText()).isEqualTo("[withheld]");
        assertThat(withheld.get(3).path("data").path("selfAssessedDepth").asText()).isEqualTo("UNDERSTANDING");
        assertThat(withheld.get(4).path("data").path("feedback").asText()).isEqualTo("[withheld]");
        assertThat(withheld.get(4).path("data").path("assessedDepth").asText()).isEqualTo("APPLYING");
        assertThat(withheld.get(2)).as("a meeting's record is the same for both").isEqualTo(whole.get(2));
        // the chain can still be checked: what was recorded and hashed is given as it was
        assertThat(withheld.get(3).path("recordedData")).isEqualTo(whole.get(3).path("recordedData"));
        assertThat(withheld.get(3).path("hash")).isEqualTo(whole.get(3).path("hash"));

        String lines = trustLead.get("/api/audit/mentees/" + mentee + "/export?format=jsonl").body();
        String table = trustLead.get("/api/audit/mentees/" + mentee + "/export?format=csv").body();
        assertThat(table).contains("sections: \"\"[withheld]\"\"").contains("feedback: \"\"[withheld]\"\"").doesNotContain("First week.");
        assertThat(lines.lines().filter(line -> line.contains("\"type\":\"ReflectionSubmitted\"")).findFirst().orElseThrow())
                .contains("\"sections\":\"[withheld]\"");
        assertThat(auditor().get("/api/audit/mentees/" + mentee + "/export?format=csv").body()).contains("First week.");
    }

    @Test
    void only_auditors_and_the_trust_lead_read_and_every_read_is_recorded_for_the_trust_lead() {
        publishTerm();
        auditor();
        TestApi api = TestApi.at(port);
        String path = "/api/audit/mentees/" + mentee + "/events";
        assertThat(api.get(path).status()).isEqualTo(401);
        assertThat(api.as(Person.mentor(mentor, school)).get(path).status()).isEqualTo(403);
        assertThat(api.as(Person.mentee(mentee, school)).get(path).status()).isEqualTo(403);
        assertThat(api.as(Person.schoolLead(school)).get(path).status()).isEqualTo(403);
        assertThat(api.as(Person.auditor()).get("/api/audit/mentees/" + UUID.randomUUID() + "/events").status()).isEqualTo(404);
        assertThat(api.as(Person.trustLead()).get(path + "?until=2026-09-09&page=2&size=3").status()).isEqualTo(200);

        TestApi.Answer reads = api.as(Person.trustLead()).get("/api/audit/reads?size=50");
        assertThat(reads.status()).isEqualTo(200);
        assertThat(reads.body()).as("which page was read, and of what").contains("GET " + path + "?page=2&size=3&until=2026-09-09")
                .contains("TRUST_LEAD").contains("AUDITOR");
        assertThat(api.as(Person.auditor()).get("/api/audit/reads").status()).isEqualTo(403);

        // each read with what it was answered, and the attempts refused, so the trust lead sees who tried
        Person curious = Person.mentor(UUID.randomUUID(), school);
        assertThat(api.as(curious).get(path + "?size=7").status()).isEqualTo(403);
        UUID nobody = UUID.randomUUID();
        assertThat(api.as(Person.auditor()).get("/api/audit/mentees/" + nobody + "/verify").status()).isEqualTo(404);
        assertThat(api.as(Person.auditor()).get("/api/audit/mentees/" + mentee + "/state?asOf=last-tuesday").status()).isEqualTo(400);
        JsonNode latest = api.as(Person.trustLead()).get("/api/audit/reads?size=50").json();
        assertThat(outcomeOf(latest, "GET " + path + "?page=0&size=7")).isEqualTo("REFUSED");
        assertThat(readerOf(latest, "GET " + path + "?page=0&size=7").path("personId").asText()).isEqualTo(curious.personId().toString());
        assertThat(outcomeOf(latest, "GET /api/audit/mentees/" + nobody + "/verify")).isEqualTo("NOT_FOUND");
        assertThat(outcomeOf(latest, "GET /api/audit/mentees/" + mentee + "/state?asOf=last-tuesday")).isEqualTo("INVALID");
        assertThat(outcomeOf(latest, "GET " + path + "?page=2&size=3&until=2026-09-09")).isEqualTo("ANSWERED");

        // a value cannot pass for another parameter in the log; the trust lead's own reading of it is there too, and it reads by mentee
        assertThat(api.as(Person.auditor()).get(path + "?until=x%26size%3D500").status()).isEqualTo(400);
        JsonNode tomsReads = api.as(Person.trustLead()).get("/api/audit/reads?size=50&menteeId=" + mentee).json();
        assertThat(outcomeOf(tomsReads, "GET " + path + "?page=0&size=100&until=x%26size%3D500")).isEqualTo("INVALID");
        assertThat(tomsReads).allSatisfy(read -> assertThat(read.path("menteeId").asText()).isEqualTo(mentee.toString()));
        assertThat(tomsReads.toString()).doesNotContain(nobody.toString());
        JsonNode again = api.as(Person.trustLead()).get("/api/audit/reads?size=50").json();
        assertThat(outcomeOf(again, "GET /api/audit/reads?page=0&size=50&menteeId=" + mentee)).isEqualTo("ANSWERED");
        assertThat(api.as(Person.trustLead()).get("/api/audit/reads?page=2147483647&size=2").json()).as("far past the end").isEmpty();

        // a malformed parameter is no way round the log
        assertThat(api.as(Person.mentee(mentee, school)).get(path + "?page=abc&size=7").status()).isEqualTo(403);
        assertThat(api.as(Person.auditor()).get(path + "?page=abc").status()).isEqualTo(400);
        assertThat(api.as(Person.auditor()).get("/api/audit/mentees/not-a-mentee/verify").status()).isEqualTo(400);
        assertThat(api.as(Person.mentor(mentor, school)).get("/api/audit/reads?menteeId=" + mentee).status()).isEqualTo(403);
        JsonNode malformed = api.as(Person.trustLead()).get("/api/audit/reads?size=80").json();
        assertThat(outcomeOf(malformed, "GET " + path + "?page=abc&size=7")).isEqualTo("REFUSED");
        assertThat(readerOf(malformed, "GET " + path + "?page=abc&size=7").path("menteeId").asText()).isEqualTo(mentee.toString());
        assertThat(outcomeOf(malformed, "GET " + path + "?page=abc&size=100")).isEqualTo("INVALID");
        assertThat(outcomeOf(malformed, "GET /api/audit/mentees/not-a-mentee/verify")).isEqualTo("INVALID");
        assertThat(readerOf(malformed, "GET /api/audit/reads?page=0&size=100&menteeId=" + mentee).path("menteeId").asText())
                .as("a refused look at one mentee's reads is found among that mentee's").isEqualTo(mentee.toString());
    }

    @Test
    void the_record_is_read_as_it_stands_or_stood_and_never_as_it_will_stand() {
        publishTerm();
        TestApi auditor = auditor();
        String base = "/api/audit/mentees/" + mentee;
        TestApi.Answer tomorrow = auditor.get(base + "/state?asOf=" + LocalDate.now(uk.mentoring.kit.domain.SchoolTime.ZONE).plusDays(1));
        assertThat(tomorrow.status()).isEqualTo(400);
        assertThat(tomorrow.json().path("detail").asText()).contains("still to come");
        assertThat(auditor.get(base + "/events?until=2999-01-01T00:00:00Z").status()).isEqualTo(400);
        TestApi.Answer today = auditor.get(base + "/state?asOf=" + LocalDate.now(uk.mentoring.kit.domain.SchoolTime.ZONE));
        assertThat(today.status()).isEqualTo(200);
        assertThat(today.json().path("entries").asInt()).isEqualTo(7);
        TestApi.Answer spaced = auditor.get(base + "/state?asOf=2026-10-01T16:00:00+01:00");
        assertThat(spaced.status()).isEqualTo(400);
        assertThat(spaced.json().path("detail").asText()).contains("write it as %2B");

        // an export as the record stood, and without a key for who recorded what nobody did
        String[] september = auditor.get(base + "/export?format=jsonl&until=2026-09-12").body().strip().split("\n");
        assertThat(september).hasSize(4);
        assertThat(september).filteredOn(line -> line.contains("\"type\":\"MenteeEnrolled\"")).singleElement().asString().doesNotContain("recordedBy");
        assertThat(auditor.get(base + "/export?format=csv&until=2026-09-12").body().strip().split("\n")).hasSize(5);
    }

    private static JsonNode readerOf(JsonNode reads, String what) {
        for (JsonNode read : reads) {
            if (read.path("what").asText().equals(what)) {
                return read;
            }
        }
        throw new AssertionError("no read of " + what + " in " + reads);
    }

    private static String outcomeOf(JsonNode reads, String what) {
        return readerOf(reads, what).path("outcome").asText();
    }
}
