package uk.mentoring.kit.events;

import java.net.URI;
import java.time.ZoneOffset;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import uk.mentoring.contracts.CloudEventAttributes;
import uk.mentoring.contracts.RecordedBy;

/**
 * An event on its way to Kafka: its CloudEvent attributes and its data exactly as stored by its
 * publisher.
 */
public record PublishedEvent(CloudEventAttributes attributes, byte[] data) {

    public CloudEvent toCloudEvent() {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(attributes.id())
                .withSource(URI.create(attributes.source()))
                .withType(attributes.type())
                .withTime(attributes.time().atOffset(ZoneOffset.UTC))
                .withSubject(attributes.subject())
                .withData(CloudEventAttributes.DATA_CONTENT_TYPE, data);
        attributes.schoolId().ifPresent(id -> builder.withExtension(CloudEventAttributes.SCHOOL_ID_EXTENSION, id));
        attributes.menteeId().ifPresent(id -> builder.withExtension(CloudEventAttributes.MENTEE_ID_EXTENSION, id));
        attributes.recordedBy().ifPresent(who -> {
            who.personId().ifPresent(id -> builder.withExtension(RecordedBy.PERSON_ID_EXTENSION, id.toString()));
            if (!who.roles().isEmpty()) {
                builder.withExtension(RecordedBy.ROLES_EXTENSION, who.rolesText());
            }
        });
        return builder.build();
    }

    /** The Kafka record key: see {@link CloudEventAttributes#partitionKey()}. */
    public String key() {
        return attributes.partitionKey();
    }
}
