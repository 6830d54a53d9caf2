package uk.mentoring.kit.consuming;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.BatchMessageListener;

import uk.mentoring.kit.correlation.CorrelationId;
import uk.mentoring.kit.events.CloudEventDecoder;
import uk.mentoring.kit.events.KafkaHeaders;
import uk.mentoring.kit.events.ReceivedEvent;

/**
 * Hands the events of each poll to the service's subscribers together, once per event id: ids
 * already in the inbox are skipped, and the poll's events are remembered only after every
 * subscriber handled them; an event none of them wants is passed over and not remembered.
 *
 * <p>When handling the poll's events together fails, they are handled again one by one to find
 * the one that fails (subscribers are idempotent, so those that got through change nothing the
 * second time). That record alone goes to the error handler, which retries it or sends it to the
 * dead-letter topic; the records before it are done, those after it are read again.
 */
public class EventDispatcher implements BatchMessageListener<String, byte[]> {

    private static final Logger log = LoggerFactory.getLogger(EventDispatcher.class);

    private final List<EventSubscriber> subscribers;
    private final EventInbox inbox;
    private final Counter handled;
    private final Counter duplicates;
    private final Counter unknown;
    private final Counter passedOver;

    public EventDispatcher(List<EventSubscriber> subscribers, EventInbox inbox, MeterRegistry meters) {
        this.subscribers = List.copyOf(subscribers);
        this.inbox = inbox;
        this.handled = meters.counter("mentoring.events.received", "outcome", "handled");
        this.duplicates = meters.counter("mentoring.events.received", "outcome", "duplicate");
        this.unknown = meters.counter("mentoring.events.received", "outcome", "unknown-type");
        this.passedOver = meters.counter("mentoring.events.received", "outcome", "not-wanted");
    }

    private record Arrival(ConsumerRecord<String, byte[]> record, ReceivedEvent event) {
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        List<Arrival> wanted = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            Optional<ReceivedEvent> event;
            try {
                event = decode(record);
            } catch (RuntimeException unreadable) {
                handle(wanted);
                throw new BatchListenerFailedException(unreadable.getMessage(), unreadable, record);
            }
            if (event.isEmpty()) {
                continue;
            }
            if (subscribers.stream().noneMatch(subscriber -> subscriber.wants(event.get().data().getClass()))) {
                passedOver.increment();
                continue;
            }
            wanted.add(new Arrival(record, event.get()));
        }
        handle(wanted);
    }

    private Optional<ReceivedEvent> decode(ConsumerRecord<String, byte[]> record) {
        Optional<ReceivedEvent> decoded = CloudEventDecoder.decode(record.topic(), record.headers(), record.value(), correlationId(record));
        if (decoded.isEmpty()) {
            unknown.increment();
            log.debug("Ignoring the event at {}/{}@{}: its type is unknown to this service", record.topic(), record.partition(), record.offset());
        }
        return decoded;
    }

    private void handle(List<Arrival> arrivals) {
        if (arrivals.isEmpty()) {
            return;
        }
        try {
            handleTogether(arrivals);
        } catch (RuntimeException together) {
            log.debug("Handling {} events together failed; handling them one by one", arrivals.size(), together);
            for (Arrival arrival : arrivals) {
                try {
                    handleAlone(arrival.event());
                } catch (RuntimeException alone) {
                    throw new BatchListenerFailedException("event " + arrival.event().id() + " of type " + arrival.event().type()
                            + " could not be handled", alone, arrival.record());
                }
            }
        }
    }

    private void handleTogether(List<Arrival> arrivals) {
        Set<String> seen = inbox.handledAmong(arrivals.stream().map(arrival -> arrival.event().id()).toList());
        Set<String> taken = new HashSet<>();
        List<ReceivedEvent> fresh = new ArrayList<>(arrivals.size());
        for (Arrival arrival : arrivals) {
            // the same event twice in one poll is a duplicate too (a relay that re-sent it after a crash)
            if (seen.contains(arrival.event().id()) || !taken.add(arrival.event().id())) {
                duplicates.increment();
            } else {
                fresh.add(arrival.event());
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        for (EventSubscriber subscriber : subscribers) {
            List<ReceivedEvent> its = fresh.stream().filter(event -> subscriber.wants(event.data().getClass())).toList();
            if (!its.isEmpty()) {
                subscriber.onAll(its);
            }
        }
        inbox.rememberAll(fresh);
        handled.increment(fresh.size());
    }

    private void handleAlone(ReceivedEvent event) {
        if (inbox.hasHandled(event.id())) {
            duplicates.increment();
            return;
        }
        CorrelationId.within(event.correlationId(), () -> {
            for (EventSubscriber subscriber : subscribers) {
                if (subscriber.wants(event.data().getClass())) {
                    subscriber.on(event);
                }
            }
        });
        inbox.remember(event.id(), event.type());
        handled.increment();
    }

    private static Optional<String> correlationId(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(KafkaHeaders.CORRELATION_ID);
        return header == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }
}
