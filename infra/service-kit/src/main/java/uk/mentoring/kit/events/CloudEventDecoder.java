package uk.mentoring.kit.events;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import uk.mentoring.contracts.CloudEventAttributes;
import uk.mentoring.contracts.EventType;
import uk.mentoring.contracts.MentoringEvent;
import uk.mentoring.contracts.PublishedLanguage;
import uk.mentoring.contracts.RecordedBy;
import uk.mentoring.kit.time.WrittenInstants;

/** Turns a CloudEvent from Kafka into a {@link ReceivedEvent}, or says why it cannot. */
public final class CloudEventDecoder {

    private static final String STRUCTURED_JSON = "application/cloudevents+json";
    /** The extension names the CloudEvents specification allows. */
    private static final Pattern EXTENSION_NAME = Pattern.compile("[a-z0-9]+");
    /** The sources seen valid so far: a handful of services, each checked once, not once an event. */
    private static final Set<String> VALID_SOURCES = ConcurrentHashMap.newKeySet();

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
            return Optional.of(new ReceivedEvent(cloudEvent.getId(), cloudEvent.getType(), cloudEvent.getTime().toInstant(), data, correlationId,
                    RecordedBy.of(text(cloudEvent.getExtension(RecordedBy.PERSON_ID_EXTENSION)), text(cloudEvent.getExtension(RecordedBy.ROLES_EXTENSION)))));
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
     * Reads an event straight from a record's value, as it came off the topic. The plain structured
     * form the publishers write is read in one pass, its data bound to its type as the parser goes
     * by: a rebuild reads every event ever published, and building the whole event as a tree first
     * (as the CloudEvents reader does) and binding the data from that tree took most of its reading.
     * Everything else, and anything the one pass is not sure of (another form, spec version or
     * content type, an attribute that is not text, an odd extension name, a name given twice, data
     * that does not bind), is read by the CloudEvents reader, whose verdict stands: the one pass
     * gives the same event or none.
     *
     * @return the event, or empty when its type is not (yet) known here
     * @throws UnreadableEventException when the record is not an event, or its data does not fit its type
     */
    public static Optional<ReceivedEvent> decode(String topic, Headers headers, byte[] value, Optional<String> correlationId) {
        if (value == null) {
            throw new UnreadableEventException("a record on " + topic + " has no value");
        }
        if (isStructuredJson(headers)) {
            Optional<Optional<ReceivedEvent>> read = readPlainStructured(value, correlationId);
            if (read.isPresent()) {
                return read.get();
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

    /** As the CloudEvents reader tells the structured JSON form: the media type exactly, before any parameters. */
    private static boolean isStructuredJson(Headers headers) {
        Header contentType = headers.lastHeader("content-type");
        if (contentType == null || contentType.value() == null) {
            return false;
        }
        String mediaType = new String(contentType.value(), StandardCharsets.UTF_8);
        int parameters = mediaType.indexOf(';');
        return (parameters < 0 ? mediaType : mediaType.substring(0, parameters)).equals(STRUCTURED_JSON);
    }

    /**
     * The event of a record in the plain structured form (every attribute text, data a JSON value
     * of a known type, JSON as its content type), attributes in any order; or nothing, when the
     * record is to be read by the CloudEvents reader. Data that comes before the type is held as
     * tokens until the type is known.
     */
    static Optional<Optional<ReceivedEvent>> readPlainStructured(byte[] json, Optional<String> correlationId) {
        try (JsonParser parser = EventJson.mapper().createParser(json)) {
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            String specVersion = null;
            String id = null;
            String source = null;
            String type = null;
            String time = null;
            String contentType = null;
            String dataSchema = null;
            String actorId = null;
            String actorRoles = null;
            Optional<EventType> known = Optional.empty();
            MentoringEvent data = null;
            TokenBuffer dataBeforeType = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String attribute = parser.currentName();
                JsonToken value = parser.nextToken();
                if (attribute.equals("data")) {
                    if (value == JsonToken.VALUE_NULL) {
                        return Optional.empty();
                    } else if (type == null) {
                        dataBeforeType = new TokenBuffer(parser);
                        dataBeforeType.copyCurrentStructure(parser);
                    } else if (known.isPresent()) {
                        data = EventJson.mapper().readerFor(known.get().javaType()).readValue(parser);
                    } else {
                        parser.skipChildren();
                    }
                    continue;
                }
                if (value != JsonToken.VALUE_STRING) {
                    return Optional.empty();
                }
                String text = parser.getText();
                switch (attribute) {
                    case "specversion" -> specVersion = text;
                    case "id" -> id = text;
                    case "source" -> source = text;
                    case "time" -> time = text;
                    case "datacontenttype" -> contentType = text;
                    case "dataschema" -> dataSchema = text;
                    case "subject" -> { }
                    case "type" -> {
                        type = text;
                        known = PublishedLanguage.byCloudEventType(type);
                    }
                    case RecordedBy.PERSON_ID_EXTENSION -> actorId = text;
                    case RecordedBy.ROLES_EXTENSION -> actorRoles = text;
                    default -> {
                        if (!EXTENSION_NAME.matcher(attribute).matches()) {
                            return Optional.empty();
                        }
                    }
                }
            }
            if (!"1.0".equals(specVersion) || (contentType != null && !contentType.equals(CloudEventAttributes.DATA_CONTENT_TYPE))
                    || isBlank(id) || isBlank(source) || isBlank(type) || time == null || !isKnownSourceOrUri(source) || (dataSchema != null && !isUri(dataSchema))) {
                return Optional.empty();
            }
            Instant recordedAt = instant(time);
            if (known.isEmpty()) {
                return Optional.of(Optional.empty());
            }
            if (dataBeforeType != null) {
                try (JsonParser buffered = dataBeforeType.asParser(parser.getCodec())) {
                    buffered.nextToken();
                    data = EventJson.mapper().readerFor(known.get().javaType()).readValue(buffered);
                }
            }
            if (data == null || data.subject() == null) {
                return Optional.empty();
            }
            return Optional.of(Optional.of(new ReceivedEvent(id, type, recordedAt, data, correlationId, RecordedBy.of(actorId, actorRoles))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** An extension's value as text: the CloudEvents reader may give one that is not text as a number or a flag. */
    private static String text(Object extension) {
        return extension instanceof String value ? value : null;
    }

    private static boolean isBlank(String attribute) {
        return attribute == null || attribute.isEmpty();
    }

    private static boolean isKnownSourceOrUri(String source) {
        if (VALID_SOURCES.contains(source)) {
            return true;
        }
        if (!isUri(source)) {
            return false;
        }
        if (VALID_SOURCES.size() < 32) {
            VALID_SOURCES.add(source);
        }
        return true;
    }

    /** The instant of an event's time, as {@code OffsetDateTime.parse} reads it. */
    static Instant instant(String time) {
        return WrittenInstants.parse(time, text -> OffsetDateTime.parse(text).toInstant());
    }

    private static boolean isUri(String text) {
        try {
            new URI(text);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
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
