package uk.mentoring.kit.events;

import java.time.Instant;
import java.util.Optional;

import uk.mentoring.contracts.MentoringEvent;
import uk.mentoring.contracts.RecordedBy;

/**
 * An event as a consumer receives it: the decoded data, the identity that makes handling it
 * idempotent, the time it was recorded by its publisher and, where a person recorded it, who.
 */
public record ReceivedEvent(String id, String type, Instant recordedAt, MentoringEvent data, Optional<String> correlationId,
                            Optional<RecordedBy> recordedBy) {

    /** An event that names nobody as having recorded it. */
    public ReceivedEvent(String id, String type, Instant recordedAt, MentoringEvent data, Optional<String> correlationId) {
        this(id, type, recordedAt, data, correlationId, Optional.empty());
    }

    /** The data as the given record type, if the event carries one. */
    public <E extends MentoringEvent> Optional<E> dataAs(Class<E> eventType) {
        return eventType.isInstance(data) ? Optional.of(eventType.cast(data)) : Optional.empty();
    }
}
