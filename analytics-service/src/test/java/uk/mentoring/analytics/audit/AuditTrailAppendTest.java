package uk.mentoring.analytics.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import uk.mentoring.contracts.MenteeStage;
import uk.mentoring.contracts.PublishedLanguage;
import uk.mentoring.contracts.pairing.PairingCreated;
import uk.mentoring.kit.events.ReceivedEvent;

/**
 * Appending keeps one unbroken chain per mentee however the events arrive: from several consumer
 * threads and several instances at once, and again after they were appended already.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditTrailAppendTest {

    @Autowired
    MongoDatabase database;

    @Test
    void threads_and_instances_appending_one_mentees_events_at_once_keep_one_chain() throws Exception {
        UUID mentee = UUID.randomUUID();
        List<ReceivedEvent> events = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            events.add(event(mentee, i));
        }
        List<AuditTrail> instances = List.of(new AuditTrail(database), new AuditTrail(database), new AuditTrail(database));
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Void>> appends = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                AuditTrail instance = instances.get(i % instances.size());
                ReceivedEvent event = events.get(i);
                appends.add(() -> {
                    instance.append(event);
                    return null;
                });
            }
            for (Future<Void> append : threads.invokeAll(appends)) {
                append.get();
            }
            // every event again, through every instance: the delivery a crash can cause
            for (AuditTrail instance : instances) {
                events.forEach(instance::append);
            }
        } finally {
            threads.shutdownNow();
        }

        AuditTrail reader = new AuditTrail(database);
        List<AuditTrail.Entry> chain = reader.chain(mentee);
        assertThat(chain).extracting(AuditTrail.Entry::sequence).containsExactlyElementsOf(sequences(events.size()));
        assertThat(chain).extracting(AuditTrail.Entry::eventId).containsExactlyInAnyOrderElementsOf(events.stream().map(ReceivedEvent::id).toList());
        assertThat(reader.verify(mentee).intact()).isTrue();

        ReceivedEvent later = event(mentee, events.size());
        instances.get(0).append(later);
        assertThat(reader.chain(mentee)).last().satisfies(entry -> {
            assertThat(entry.eventId()).isEqualTo(later.id());
            assertThat(entry.sequence()).isEqualTo(events.size() + 1L);
        });
        assertThat(reader.verify(mentee).intact()).isTrue();

        ReceivedEvent afterRestart = event(mentee, events.size() + 1);
        new AuditTrail(database).append(afterRestart);
        assertThat(reader.chain(mentee)).last().satisfies(entry -> {
            assertThat(entry.eventId()).as("an instance that has not written this trail yet appends at its end").isEqualTo(afterRestart.id());
            assertThat(entry.sequence()).isEqualTo(events.size() + 2L);
        });
        assertThat(reader.verify(mentee).intact()).isTrue();
    }

    @Test
    void a_polls_events_appended_together_make_the_chains_one_by_one_appends_make() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        List<ReceivedEvent> poll = List.of(event(first, 0), event(second, 0), event(first, 1), event(first, 2), event(second, 1));
        AuditTrail instance = new AuditTrail(database);

        instance.appendAll(poll);

        assertThat(instance.chain(first)).extracting(AuditTrail.Entry::eventId).containsExactly(poll.get(0).id(), poll.get(2).id(), poll.get(3).id());
        assertThat(instance.chain(second)).extracting(AuditTrail.Entry::eventId).containsExactly(poll.get(1).id(), poll.get(4).id());
        assertThat(instance.verify(first).intact()).isTrue();
        assertThat(instance.verify(second).intact()).isTrue();

        ReceivedEvent next = event(first, 3);
        instance.appendAll(List.of(next));
        assertThat(instance.chain(first)).last().satisfies(entry -> {
            assertThat(entry.eventId()).isEqualTo(next.id());
            assertThat(entry.sequence()).isEqualTo(4L);
        });
        assertThat(instance.verify(first).intact()).isTrue();
    }

    @Test
    void a_poll_meeting_events_already_there_or_trails_written_elsewhere_still_appends_each_event_once_in_one_chain() {
        UUID written = UUID.randomUUID();
        UUID elsewhere = UUID.randomUUID();
        UUID untouched = UUID.randomUUID();
        AuditTrail instance = new AuditTrail(database);
        AuditTrail other = new AuditTrail(database);
        ReceivedEvent already = event(written, 0);
        instance.append(already);
        // another instance starts this trail, so this one's idea of its end (none) is stale
        ReceivedEvent othersFirst = event(elsewhere, 0);
        other.append(othersFirst);
        List<ReceivedEvent> poll = List.of(event(untouched, 0), already, event(elsewhere, 1), event(untouched, 1), event(written, 1),
                event(elsewhere, 2));

        instance.appendAll(poll);
        instance.appendAll(poll);

        assertThat(instance.chain(written)).extracting(AuditTrail.Entry::eventId).containsExactly(already.id(), poll.get(4).id());
        assertThat(instance.chain(elsewhere)).extracting(AuditTrail.Entry::eventId)
                .containsExactly(othersFirst.id(), poll.get(2).id(), poll.get(5).id());
        assertThat(instance.chain(untouched)).extracting(AuditTrail.Entry::eventId).containsExactly(poll.get(0).id(), poll.get(3).id());
        for (UUID mentee : List.of(written, elsewhere, untouched)) {
            assertThat(instance.verify(mentee).intact()).as("the trail of %s", mentee).isTrue();
            assertThat(instance.chain(mentee)).extracting(AuditTrail.Entry::sequence)
                    .containsExactlyElementsOf(sequences(instance.chain(mentee).size()));
        }
    }

    private static List<Long> sequences(int count) {
        List<Long> sequences = new ArrayList<>();
        for (long sequence = 1; sequence <= count; sequence++) {
            sequences.add(sequence);
        }
        return sequences;
    }

    private static ReceivedEvent event(UUID mentee, int n) {
        PairingCreated paired = new PairingCreated(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), mentee, MenteeStage.TRAINEE,
                LocalDate.of(2026, 9, 1).plusDays(n));
        return new ReceivedEvent(UUID.randomUUID().toString(), PublishedLanguage.of(paired).cloudEventType(), Instant.now(), paired, Optional.empty());
    }
}
