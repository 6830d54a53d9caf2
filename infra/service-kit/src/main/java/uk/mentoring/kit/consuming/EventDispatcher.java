package uk.mentoring.kit.consuming;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.MessageListener;

import uk.mentoring.kit.correlation.CorrelationId;
import uk.mentoring.kit.events.CloudEventDecoder;
import uk.mentoring.kit.events.KafkaHeaders;
import uk.mentoring.kit.events.ReceivedEvent;

/**
 * Hands each received CloudEvent to the service's subscribers once: an event id already in the
 * inbox is skipped; an event is remembered only after every subscriber handled it.
 */
public class EventDispatcher implements MessageListener<String, CloudEvent> {

    private static final Logger log = LoggerFactory.getLogger(EventDispatcher.class);

    private final List<EventSubscriber> subscribers;
    private final EventInbox inbox;
    private final Counter handled;
    private final Counter duplicates;
    private final Counter unknown;

    public EventDispatcher(List<EventSubscriber> subscribers, EventInbox inbox, MeterRegistry meters) {
        this.subscribers = List.copyOf(subscribers);
        this.inbox = inbox;
        this.handled = meters.counter("mentoring.events.received", "outcome", "handled");
        this.duplicates = meters.counter("mentoring.events.received", "outcome", "duplicate");
        this.unknown = meters.counter("mentoring.events.received", "outcome", "unknown-type");
    }

    @Override
    public void onMessage(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent cloudEvent = record.value();
        if (cloudEvent == null) {
            throw new CloudEventDecoder.UnreadableEventException("record at " + record.topic() + "/" + record.partition() + "@" + record.offset() + " has no value");
        }
        Optional<ReceivedEvent> decoded = CloudEventDecoder.decode(cloudEvent, correlationId(record));
        if (decoded.isEmpty()) {
            unknown.increment();
            log.debug("Ignoring event {} of type {} unknown to this service", cloudEvent.getId(), cloudEvent.getType());
            return;
        }
        ReceivedEvent event = decoded.get();
        if (inbox.hasHandled(event.id())) {
            duplicates.increment();
            return;
        }
        CorrelationId.within(event.correlationId(), () -> {
            for (EventSubscriber subscriber : subscribers) {
                subscriber.on(event);
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
