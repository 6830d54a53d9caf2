package uk.mentoring.eventstore;

import java.util.List;
import java.util.stream.Stream;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

/**
 * Axon's document-per-event layout, with each event stored as not yet published. The flag is the
 * outbox: the relay sets it once Kafka acknowledged the event.
 */
class RelayedStorageStrategy extends DocumentPerEventStorageStrategy {

    static final String PUBLISHED = "published";

    @Override
    protected Stream<Document> createEventDocuments(List<? extends EventMessage<?>> events, Serializer serializer) {
        return super.createEventDocuments(events, serializer).map(document -> document.append(PUBLISHED, false));
    }

    @Override
    public void ensureIndexes(MongoCollection<Document> events, MongoCollection<Document> snapshots) {
        super.ensureIndexes(events, snapshots);
        // only unpublished events are in this index, so the sweep's query stays cheap on MongoDB
        // however large the store grows (the embedded server keeps every event in it, still cheap)
        events.createIndex(Indexes.ascending(PUBLISHED),
                new IndexOptions().name("unpublishedEvents").partialFilterExpression(new Document(PUBLISHED, false)));
    }
}
