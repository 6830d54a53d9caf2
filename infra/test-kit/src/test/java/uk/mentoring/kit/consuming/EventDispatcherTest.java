package uk.mentoring.kit.consuming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.cloudevents.core.message.Encoding;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.CloudEventSerializer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;

import uk.mentoring.contracts.CloudEventAttributes;
import uk.mentoring.contracts.MenteeStage;
import uk.mentoring.contracts.MentoringEvent;
import uk.mentoring.contracts.SealedText;
import uk.mentoring.contracts.pairing.MenteeEnrolled;
import uk.mentoring.contracts.pairing.PairingCreated;
import uk.mentoring.kit.events.EventJson;
import uk.mentoring.kit.events.PublishedEvent;
import uk.mentoring.kit.events.ReceivedEvent;
import uk.mentoring.testkit.TestInfrastructure;

/** A poll's records handed over together, once per event, and a failing one singled out for the error handler. */
class EventDispatcherTest {

    private MongoClient client;
    private EventInbox inbox;
    private final Subscriber pairings = new Subscriber(Set.of(PairingCreated.class));
    private final Subscriber everything = new Subscriber(null);
    private EventDispatcher dispatcher;
    private long offset;

    @BeforeEach
    void setUp() {
        client = MongoClients.create(TestInfrastructure.mongoUri());
        inbox = new EventInbox(client.getDatabase("dispatcher-" + UUID.randomUUID().toString().substring(0, 8)));
        dispatcher = new EventDispatcher(List.of(pairings, everything), inbox, new SimpleMeterRegistry());
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void hands_a_polls_events_over_together_once_each_and_remembers_them() {
        ConsumerRecord<String, byte[]> first = record(paired());
        ConsumerRecord<String, byte[]> enrolled = record(enrolled());
        ConsumerRecord<String, byte[]> second = record(paired());

        dispatcher.onMessage(List.of(first, enrolled, second, first));

        assertThat(pairings.batches).containsExactly(List.of(id(first), id(second)));
        assertThat(everything.batches).containsExactly(List.of(id(first), id(enrolled), id(second)));
        assertThat(inbox.handledAmong(List.of(id(first), id(enrolled), id(second)))).containsExactlyInAnyOrder(id(first), id(enrolled), id(second));

        dispatcher.onMessage(List.of(second, record(paired())));
        assertThat(pairings.batches).hasSize(2).last().asList().hasSize(1).doesNotContain(id(second));
    }

    @Test
    void an_event_no_subscriber_wants_is_passed_over_and_not_remembered() {
        EventDispatcher pairingsOnly = new EventDispatcher(List.of(pairings), inbox, new SimpleMeterRegistry());
        ConsumerRecord<String, byte[]> enrolled = record(enrolled());

        pairingsOnly.onMessage(List.of(enrolled));

        assertThat(pairings.batches).isEmpty();
        assertThat(inbox.hasHandled(id(enrolled))).isFalse();
    }

    @Test
    void an_event_that_fails_is_singled_out_and_those_before_it_are_done() {
        ConsumerRecord<String, byte[]> before = record(paired());
        ConsumerRecord<String, byte[]> failing = record(paired());
        ConsumerRecord<String, byte[]> after = record(paired());
        everything.failOn = id(failing);

        assertThatThrownBy(() -> dispatcher.onMessage(List.of(before, failing, after)))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, failure -> assertThat(failure.getRecord()).isSameAs(failing))
                .hasRootCauseMessage("cannot handle " + id(failing));
        assertThat(inbox.hasHandled(id(before))).isTrue();
        assertThat(inbox.hasHandled(id(failing))).isFalse();
        assertThat(inbox.hasHandled(id(after))).as("read again after the failing record").isFalse();

        // what the container does next: the failing record retried or dead-lettered, the rest read again
        everything.failOn = null;
        dispatcher.onMessage(List.of(after));
        assertThat(inbox.hasHandled(id(after))).isTrue();
    }

    @Test
    void a_record_that_cannot_be_read_is_singled_out_and_those_before_it_are_done() {
        ConsumerRecord<String, byte[]> before = record(paired());
        ConsumerRecord<String, byte[]> unreadable = new ConsumerRecord<>("mentoring.pairing.v1", 0, offset++, "key", null);
        ConsumerRecord<String, byte[]> after = record(paired());

        assertThatThrownBy(() -> dispatcher.onMessage(List.of(before, unreadable, after)))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, failure -> assertThat(failure.getRecord()).isSameAs(unreadable));
        assertThat(inbox.hasHandled(id(before))).isTrue();
        assertThat(inbox.hasHandled(id(after))).isFalse();
    }

    /** The record as a publisher's relay writes it: a structured CloudEvent, with its content type in the headers. */
    private ConsumerRecord<String, byte[]> record(MentoringEvent event) {
        try (CloudEventSerializer serializer = new CloudEventSerializer()) {
            serializer.configure(Map.of(CloudEventSerializer.ENCODING_CONFIG, Encoding.STRUCTURED, CloudEventSerializer.EVENT_FORMAT_CONFIG,
                    JsonFormat.CONTENT_TYPE), false);
            PublishedEvent published = new PublishedEvent(CloudEventAttributes.of(UUID.randomUUID().toString(), Instant.now(), event),
                    EventJson.mapper().writeValueAsBytes(event));
            RecordHeaders headers = new RecordHeaders();
            byte[] value = serializer.serialize("mentoring.pairing.v1", headers, published.toCloudEvent());
            return new ConsumerRecord<>("mentoring.pairing.v1", 0, offset++, ConsumerRecord.NO_TIMESTAMP, TimestampType.NO_TIMESTAMP_TYPE,
                    ConsumerRecord.NULL_SIZE, value.length, published.key(), value, headers, Optional.empty());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String id(ConsumerRecord<String, byte[]> record) {
        try {
            return EventJson.mapper().readTree(record.value()).path("id").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PairingCreated paired() {
        return new PairingCreated(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), MenteeStage.TRAINEE, LocalDate.now());
    }

    private static MenteeEnrolled enrolled() {
        return new MenteeEnrolled(UUID.randomUUID(), UUID.randomUUID(), SealedText.ERASED, SealedText.ERASED, MenteeStage.TRAINEE, List.of());
    }

    /** Records each batch it is handed; fails on one event, together or alone, while told to. */
    private static final class Subscriber implements EventSubscriber {

        final Set<Class<?>> types;
        final List<List<String>> batches = new ArrayList<>();
        volatile String failOn;

        Subscriber(Set<Class<?>> types) {
            this.types = types;
        }

        @Override
        public boolean wants(Class<? extends MentoringEvent> type) {
            return types == null || types.contains(type);
        }

        @Override
        public void onAll(List<ReceivedEvent> events) {
            events.forEach(this::check);
            batches.add(events.stream().map(ReceivedEvent::id).toList());
        }

        @Override
        public void on(ReceivedEvent event) {
            check(event);
        }

        private void check(ReceivedEvent event) {
            if (event.id().equals(failOn)) {
                throw new IllegalStateException("cannot handle " + event.id());
            }
        }
    }
}
