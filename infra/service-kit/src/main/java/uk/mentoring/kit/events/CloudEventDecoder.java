package uk.mentoring.kit.events;

import java.io.IOException;
import java.util.Optional;

import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.jackson.JsonCloudEventData;
import uk.mentoring.contracts.EventType;
import uk.mentoring.contracts.MentoringEvent;
import uk.mentoring.contracts.PublishedLanguage;

/** Turns a CloudEvent from Kafka into a {@link ReceivedEvent}, or says why it cannot. */
public final class CloudEventDecoder {

    private CloudEventDecoder() {
    }

    /**
     * @return the event, or empty when its type is not (yet) known here: a newer publisher may
     *         publish types this consumer has no use for
     * @throws UnreadableEventException when the record claims a known type but its data does not fit it
     */
    public static Optional<ReceivedEvent> decode(CloudEvent cloudEvent, Optional<String> correlationId) {
        Optional<EventType> type = PublishedLanguage.byCloudEventType(cloudEvent.getType());
        if (type.isEmpty()) {
            return Optional.empty();
        }
        if (cloudEvent.getData() == null || cloudEvent.getTime() == null) {
            throw new UnreadableEventException("event " + cloudEvent.getId() + " of type " + cloudEvent.getType() + " has no data or no time");
        }
        try {
            MentoringEvent data = read(cloudEvent.getData(), type.get().javaType());
            if (data == null) {
                throw new UnreadableEventException("event " + cloudEvent.getId() + " of type " + cloudEvent.getType() + " has null data");
            }
            if (data.subject() == null) {
                throw new UnreadableEventException("event " + cloudEvent.getId() + " has no subject in its data");
            }
            return Optional.of(new ReceivedEvent(cloudEvent.getId(), cloudEvent.getType(), cloudEvent.getTime().toInstant(), data, correlationId));
        } catch (IOException e) {
            throw new UnreadableEventException("data of event " + cloudEvent.getId() + " does not fit " + cloudEvent.getType() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Events travel in the structured form, whose data arrives parsed along with the rest of the
     * event: it is read from that tree, rather than written out as text to be parsed a second time
     * (a fifth of a rebuild's reading went to that). CloudEvents parses with its own settings, which
     * keep a decimal fraction as a double: exact for what the published language carries (texts,
     * whole numbers, dates, times as text), not for a decimal amount, should one ever be added.
     */
    private static MentoringEvent read(CloudEventData data, Class<? extends MentoringEvent> type) throws IOException {
        if (data instanceof JsonCloudEventData json) {
            return EventJson.mapper().readerFor(type).readValue(json.getNode());
        }
        return EventJson.mapper().readValue(data.toBytes(), type);
    }

    /** A record that can never be processed: it goes to the dead-letter topic. */
    public static final class UnreadableEventException extends RuntimeException {
        public UnreadableEventException(String message) {
            super(message);
        }

        public UnreadableEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
