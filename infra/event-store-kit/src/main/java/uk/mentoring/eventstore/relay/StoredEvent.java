package uk.mentoring.eventstore.relay;

import java.time.Instant;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

/**
 * An event as its event store holds it: its place in its aggregate's stream and its data exactly
 * as serialized there. The relay publishes these bytes, never a re-serialization.
 */
public record StoredEvent(
        String eventId,
        String aggregateId,
        long sequence,
        Instant recordedAt,
        String payloadType,
        String payload,
        String metaData) {

    static final String EVENT_ID = "eventIdentifier";
    static final String AGGREGATE_ID = "aggregateIdentifier";
    static final String SEQUENCE = "sequenceNumber";
    static final String TIMESTAMP = "timestamp";
    static final String PAYLOAD_TYPE = "payloadType";
    static final String PAYLOAD = "serializedPayload";
    static final String META_DATA = "serializedMetaData";
    /** The metadata key of the correlation id of the request that caused the event. */
    public static final String CORRELATION_ID = "requestCorrelationId";
    /** The metadata key of the person who made the request that caused the event, as their token named them. */
    public static final String RECORDED_BY_PERSON_ID = "recordedByPersonId";
    /** The metadata key of the roles their token gave them, in alphabetical order, separated by commas. */
    public static final String RECORDED_BY_ROLES = "recordedByRoles";
    /** Set to false when stored, to true once Kafka acknowledged the event. */
    static final String PUBLISHED = "published";

    public static StoredEvent of(DomainEventMessage<?> event, Serializer serializer) {
        return new StoredEvent(
                event.getIdentifier(),
                event.getAggregateIdentifier(),
                event.getSequenceNumber(),
                event.getTimestamp(),
                event.getPayloadType().getName(),
                event.serializePayload(serializer, String.class).getData(),
                event.serializeMetaData(serializer, String.class).getData());
    }

    static StoredEvent of(Document document) {
        return new StoredEvent(
                document.getString(EVENT_ID),
                document.getString(AGGREGATE_ID),
                ((Number) document.get(SEQUENCE)).longValue(),
                Instant.parse(document.getString(TIMESTAMP)),
                document.getString(PAYLOAD_TYPE),
                String.valueOf(document.get(PAYLOAD)),
                document.get(META_DATA) == null ? null : String.valueOf(document.get(META_DATA)));
    }

    boolean follows(StoredEvent other) {
        return aggregateId.equals(other.aggregateId) && sequence == other.sequence + 1;
    }
}
