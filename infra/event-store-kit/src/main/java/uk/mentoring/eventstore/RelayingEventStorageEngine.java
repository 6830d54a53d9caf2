package uk.mentoring.eventstore;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;

import uk.mentoring.eventstore.relay.EventRelay;
import uk.mentoring.eventstore.relay.StoredEvent;

/** The MongoDB event store, telling the relay about every append as soon as it succeeded. */
class RelayingEventStorageEngine implements EventStorageEngine {

    private final EventStorageEngine store;
    private final Serializer eventSerializer;
    private final EventRelay relay;

    RelayingEventStorageEngine(EventStorageEngine store, Serializer eventSerializer, EventRelay relay) {
        this.store = store;
        this.eventSerializer = eventSerializer;
        this.relay = relay;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        store.appendEvents(events);
        relay.stored(events.stream()
                .filter(DomainEventMessage.class::isInstance)
                .map(event -> StoredEvent.of((DomainEventMessage<?>) event, eventSerializer))
                .toList());
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        store.storeSnapshot(snapshot);
    }

    /**
     * Axon's tracking reader over MongoDB trusts timestamps and skips late commits; nothing in
     * these services tracks the store. Events leave only through the relay.
     */
    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return store.readEvents(trackingToken, mayBlock);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return store.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return store.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return store.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }
}
