package uk.mentoring.eventstore.relay;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Which stored events Kafka has acknowledged, kept on the events themselves: the event store is
 * the outbox. Every lookup goes by (aggregate, sequence), the event store's unique key, so its
 * cost does not grow with the size of the store; the sweep for forgotten events goes by the index
 * of unpublished events.
 */
class PublicationLedger {

    private final MongoCollection<Document> events;

    PublicationLedger(MongoCollection<Document> events) {
        this.events = events;
    }

    /** The stored event at this place of its aggregate's stream, if it exists. */
    Optional<Entry> at(String aggregateId, long sequence) {
        Document document = events.find(key(aggregateId, sequence)).limit(1).first();
        return Optional.ofNullable(document).map(found -> new Entry(StoredEvent.of(found), !Boolean.FALSE.equals(found.get(StoredEvent.PUBLISHED))));
    }

    boolean isPublished(String aggregateId, long sequence) {
        Document document = events.find(key(aggregateId, sequence)).projection(Projections.include(StoredEvent.PUBLISHED)).limit(1).first();
        return document != null && !Boolean.FALSE.equals(document.get(StoredEvent.PUBLISHED));
    }

    void markPublished(Collection<StoredEvent> published) {
        if (published.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> updates = new ArrayList<>(published.size());
        for (StoredEvent event : published) {
            updates.add(new UpdateOneModel<>(key(event.aggregateId(), event.sequence()), Updates.set(StoredEvent.PUBLISHED, true)));
        }
        events.bulkWrite(updates);
    }

    /** Events stored but not yet acknowledged, found by the index of unpublished events. */
    List<StoredEvent> unpublished(int limit) {
        List<StoredEvent> pending = new ArrayList<>();
        events.find(eq(StoredEvent.PUBLISHED, false)).limit(limit).forEach(document -> pending.add(StoredEvent.of(document)));
        return pending;
    }

    /**
     * Exactly the unique key's fields, as a plain document: the embedded server looks a filter up
     * in a unique index only when its fields are the index's, and scans for an {@code $and}.
     */
    private static Bson key(String aggregateId, long sequence) {
        return new Document(StoredEvent.AGGREGATE_ID, aggregateId).append(StoredEvent.SEQUENCE, sequence);
    }

    record Entry(StoredEvent event, boolean published) {
    }
}
