package uk.mentoring.contracts;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The CloudEvents 1.0 context attributes of a published event.
 *
 * @param id       the event's own identifier, stable across re-deliveries: consumers de-duplicate on it
 * @param source   the publishing service
 * @param type     the versioned event type
 * @param time     when the event was recorded in its publisher's event store
 * @param subject  what the event is about
 * @param schoolId extension {@code schoolid}, where the event belongs to a school
 * @param menteeId extension {@code menteeid}, where the event is part of a mentee's development
 * @param recordedBy extensions {@code actorid} and {@code actorroles}: who recorded it, where a person did
 */
public record CloudEventAttributes(
        String id,
        String source,
        String type,
        Instant time,
        String subject,
        Optional<String> schoolId,
        Optional<String> menteeId,
        Optional<RecordedBy> recordedBy) {

    public static final String SPEC_VERSION = "1.0";
    public static final String SCHOOL_ID_EXTENSION = "schoolid";
    public static final String MENTEE_ID_EXTENSION = "menteeid";
    public static final String DATA_CONTENT_TYPE = "application/json";

    public static CloudEventAttributes of(String eventId, Instant recordedAt, MentoringEvent event) {
        EventType type = PublishedLanguage.of(event);
        return new CloudEventAttributes(
                eventId,
                type.publisher().source(),
                type.cloudEventType(),
                recordedAt,
                event.subject().toString(),
                event.school().map(UUID::toString),
                event.mentee().map(UUID::toString),
                Optional.empty());
    }

    /** These attributes, naming who recorded the event. */
    public CloudEventAttributes recordedBy(Optional<RecordedBy> who) {
        return new CloudEventAttributes(id, source, type, time, subject, schoolId, menteeId, who);
    }

    /**
     * The Kafka record key. All events of one mentee share a key, and with it a partition, so a
     * mentee's development (and with it each of their pairings) is read in the order it was
     * published; events that concern no mentee are kept in order per subject.
     */
    public String partitionKey() {
        return menteeId.orElse(subject);
    }
}
