package uk.mentoring.kit.events;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import uk.mentoring.contracts.EventType;
import uk.mentoring.contracts.MentoringEvent;
import uk.mentoring.contracts.PublishedLanguage;

/** Turns a CloudEvent from Kafka into a {@link ReceivedEvent}, or says why it cannot. */
public final class CloudEventDecoder {

    private static final String STRUCTURED_JSON = "application/cloudevents+json";

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

    /**
     * Reads an event straight from a record's value, as it came off the topic. The structured JSON
     * form the publishers write is read in one pass, its data bound to its type as the parser goes
     * by: a rebuild reads every event ever published, and building the whole event as a tree first
     * (as the CloudEvents reader does) and binding the data from that tree took most of its reading.
     * Any other form (binary, another spec version, data in base64 or not JSON) is read by the
     * CloudEvents reader, as the live consumers read it.
     *
     * @return the event, or empty when its type is not (yet) known here
     * @throws UnreadableEventException when the record is not an event, or its data does not fit its type
     */
    public static Optional<ReceivedEvent> decode(String topic, Headers headers, byte[] value, Optional<String> correlationId) {
        if (value == null) {
            throw new UnreadableEventException("a record on " + topic + " has no value");
        }
        if (isStructuredJson(headers)) {
            try {
                Optional<Optional<ReceivedEvent>> read = readStructured(value, correlationId);
                if (read.isPresent()) {
                    return read.get();
                }
            } catch (IOException | DateTimeParseException e) {
                throw new UnreadableEventException("a record on " + topic + " is not a CloudEvent in JSON: " + e.getMessage(), e);
            }
        }
        CloudEvent cloudEvent;
        try (CloudEventDeserializer reader = new CloudEventDeserializer()) {
            cloudEvent = reader.deserialize(topic, headers, value);
        } catch (RuntimeException e) {
            throw new UnreadableEventException("a record on " + topic + " is not a CloudEvent: " + e.getMessage(), e);
        }
        return decode(cloudEvent, correlationId);
    }

    private static boolean isStructuredJson(Headers headers) {
        Header contentType = headers.lastHeader("content-type");
        if (contentType == null || contentType.value() == null) {
            return false;
        }
        String mediaType = new String(contentType.value(), StandardCharsets.UTF_8);
        int parameters = mediaType.indexOf(';');
        return (parameters < 0 ? mediaType : mediaType.substring(0, parameters)).strip().equalsIgnoreCase(STRUCTURED_JSON);
    }

    /**
     * The event of a structured record, or nothing when the record is of a form left to the
     * CloudEvents reader. Attributes may come in any order; data that comes before the type is
     * held as tokens until the type is known.
     */
    private static Optional<Optional<ReceivedEvent>> readStructured(byte[] json, Optional<String> correlationId) throws IOException {
        try (JsonParser parser = EventJson.mapper().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new UnreadableEventException("a structured CloudEvent must be a JSON object");
            }
            String specVersion = null;
            String id = null;
            String source = null;
            String type = null;
            String time = null;
            String contentType = null;
            Optional<EventType> known = Optional.empty();
            MentoringEvent data = null;
            TokenBuffer dataBeforeType = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String attribute = parser.currentName();
                parser.nextToken();
                switch (attribute) {
                    case "specversion" -> specVersion = text(parser, attribute);
                    case "id" -> id = text(parser, attribute);
                    case "source" -> source = text(parser, attribute);
                    case "time" -> time = text(parser, attribute);
                    case "datacontenttype" -> contentType = text(parser, attribute);
                    case "type" -> {
                        type = text(parser, attribute);
                        known = PublishedLanguage.byCloudEventType(type);
                    }
                    case "data" -> {
                        if (type == null) {
                            dataBeforeType = new TokenBuffer(parser);
                            dataBeforeType.copyCurrentStructure(parser);
                        } else if (known.isPresent()) {
                            data = bind(parser, known.get(), id, type);
                        } else {
                            parser.skipChildren();
                        }
                    }
                    case "data_base64" -> {
                        return Optional.empty();
                    }
                    default -> parser.skipChildren();
                }
            }
            if (!"1.0".equals(specVersion) || (contentType != null && !isJson(contentType))) {
                return Optional.empty();
            }
            if (id == null || id.isEmpty() || source == null || source.isEmpty() || type == null || type.isEmpty()) {
                throw new UnreadableEventException("a structured CloudEvent needs an id, a source and a type");
            }
            Instant recordedAt = time == null ? null : OffsetDateTime.parse(time).toInstant();
            if (known.isEmpty()) {
                return Optional.of(Optional.empty());
            }
            if (dataBeforeType != null) {
                try (JsonParser buffered = dataBeforeType.asParser(parser.getCodec())) {
                    buffered.nextToken();
                    data = bind(buffered, known.get(), id, type);
                }
            }
            if (data == null || recordedAt == null) {
                throw new UnreadableEventException("event " + id + " of type " + type + " has no data or no time");
            }
            if (data.subject() == null) {
                throw new UnreadableEventException("event " + id + " has no subject in its data");
            }
            return Optional.of(Optional.of(new ReceivedEvent(id, type, recordedAt, data, correlationId)));
        }
    }

    private static MentoringEvent bind(JsonParser parser, EventType type, String id, String cloudEventType) {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        try {
            return EventJson.mapper().readerFor(type.javaType()).readValue(parser);
        } catch (IOException e) {
            throw new UnreadableEventException("data of event " + id + " does not fit " + cloudEventType + ": " + e.getMessage(), e);
        }
    }

    private static String text(JsonParser parser, String attribute) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw new UnreadableEventException("the CloudEvent attribute " + attribute + " must be a string");
        }
        return parser.getText();
    }

    /** As the CloudEvents JSON format decides whether data is JSON: by its media type. */
    private static boolean isJson(String contentType) {
        int parameters = contentType.indexOf(';');
        String mediaType = (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json") || mediaType.equals("text/json") || mediaType.endsWith("+json");
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
