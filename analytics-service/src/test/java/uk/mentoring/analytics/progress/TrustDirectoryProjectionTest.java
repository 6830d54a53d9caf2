package uk.mentoring.analytics.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import uk.mentoring.contracts.MenteeStage;
import uk.mentoring.contracts.MentoringEvent;
import uk.mentoring.contracts.SchoolPhase;
import uk.mentoring.contracts.pairing.MenteeEnrolled;
import uk.mentoring.contracts.pairing.MentorRegistered;
import uk.mentoring.contracts.pairing.PairingCreated;
import uk.mentoring.contracts.pairing.PairingEndReason;
import uk.mentoring.contracts.pairing.PairingEnded;
import uk.mentoring.contracts.pairing.SchoolOnboarded;
import uk.mentoring.kit.events.ReceivedEvent;
import uk.mentoring.testkit.TestInfrastructure;

/** The projection on the test kit's MongoDB, fed event sequences as Kafka might deliver them. */
class TrustDirectoryProjectionTest {

    static MongoClient client;
    MongoDatabase database;
    TrustDirectoryProjection projection;
    ProgressViews views;

    final UUID school = UUID.randomUUID();
    final UUID mentor = UUID.randomUUID();
    final UUID mentee = UUID.randomUUID();
    final UUID secondMentee = UUID.randomUUID();
    final UUID pairing = UUID.randomUUID();

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestInfrastructure.mongoUri());
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void freshDatabase() {
        database = client.getDatabase("projection-" + UUID.randomUUID());
        projection = new TrustDirectoryProjection(database);
        views = new ProgressViews(database);
    }

    @Test
    void counts_a_school_with_its_people_and_pairings() {
        apply(history());

        ProgressViews.SchoolView view = views.school(school).orElseThrow();
        assertThat(view.name()).isEqualTo("Riverside Primary Academy");
        assertThat(view.mentors()).isEqualTo(1);
        assertThat(view.mentees()).isEqualTo(2);
        assertThat(view.activePairings()).isEqualTo(1);
        assertThat(view.menteesWithoutMentor()).isEqualTo(1);
        assertThat(views.pairing(pairing).orElseThrow().mentor().displayName()).isEqualTo("Amira Khan");
        assertThat(views.pairing(pairing).orElseThrow().status()).isEqualTo("ACTIVE");
    }

    @Test
    void every_event_delivered_twice_changes_nothing() {
        apply(history());
        ProgressViews.TrustView once = views.trust();

        apply(history());

        assertThat(views.trust()).isEqualTo(once);
    }

    @Test
    void the_order_events_arrive_in_does_not_matter() {
        List<ReceivedEvent> events = new ArrayList<>(history());
        events.add(received(new PairingEnded(pairing, school, mentor, mentee, PairingEndReason.PROGRAMME_COMPLETED, LocalDate.of(2027, 7, 16))));
        apply(events);
        ProgressViews.TrustView inOrder = views.trust();
        ProgressViews.PairingView pairingInOrder = views.pairing(pairing).orElseThrow();

        for (long seed = 1; seed <= 5; seed++) {
            freshDatabase();
            List<ReceivedEvent> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, new java.util.Random(seed));
            apply(shuffled);
            assertThat(views.trust()).as("shuffled with seed %d", seed).isEqualTo(inOrder);
            assertThat(views.pairing(pairing)).contains(pairingInOrder);
        }
        assertThat(pairingInOrder.status()).isEqualTo("ENDED");
        assertThat(inOrder.activePairings()).isZero();
    }

    private List<ReceivedEvent> history() {
        return List.of(
                received(new SchoolOnboarded(school, "Riverside Primary Academy", "140123", SchoolPhase.PRIMARY)),
                received(new MentorRegistered(mentor, school, "Amira Khan", "a.khan@example.org", List.of("Maths"), List.of())),
                received(new MenteeEnrolled(mentee, school, "Tom Whitfield", "t.w@example.org", MenteeStage.ECT_YEAR_1, List.of())),
                received(new MenteeEnrolled(secondMentee, school, "Priya Shah", "p.s@example.org", MenteeStage.TRAINEE, List.of())),
                received(new PairingCreated(pairing, school, mentor, mentee, MenteeStage.ECT_YEAR_1, LocalDate.of(2026, 9, 7))));
    }

    private final java.util.Map<MentoringEvent, String> ids = new java.util.HashMap<>();

    private ReceivedEvent received(MentoringEvent data) {
        String id = ids.computeIfAbsent(data, event -> UUID.randomUUID().toString());
        return new ReceivedEvent(id, data.getClass().getSimpleName(), Instant.parse("2026-09-07T08:00:00Z"), data, Optional.empty());
    }

    private void apply(List<ReceivedEvent> events) {
        events.forEach(projection::on);
    }
}
