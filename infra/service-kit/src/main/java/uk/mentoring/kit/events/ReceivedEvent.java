package uk.mentoring.kit.events;

import java.time.Instant;
import java.util.Optional;

import uk.mentoring.contracts.MentoringEvent;

/**
 * An event as a consumer receives it: the decoded data, the identity that makes handling it
 * idempotent, and the time it was recorded by its publisher.
 */
public record ReceivedEvent(String id, String type, Instant recordedAt, MentoringEvent data, Optional<String> correlationId) {

    /** The data as the given record type, if the event carries one. */
    public <E extends MentoringEvent> Optional<E> dataAs(Class<E> eventType) {
        return eventType.isInstance(data) ? Optional.of(eventType.cast(data)) : Optional.empty();
    }
}
