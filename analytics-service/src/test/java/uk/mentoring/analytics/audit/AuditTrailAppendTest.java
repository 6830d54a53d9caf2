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
