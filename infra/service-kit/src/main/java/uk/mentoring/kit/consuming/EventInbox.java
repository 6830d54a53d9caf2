package uk.mentoring.kit.consuming;

import java.time.Instant;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;

/**
 * The ids of the events this service has already handled. An event whose id is here changes
 * nothing when it arrives again (Kafka delivers at least once, and the relay may publish an event
 * twice after a crash).
 */
public class EventInbox {

    static final String COLLECTION = "event_inbox";

    private final MongoCollection<Document> handled;

    public EventInbox(MongoDatabase database) {
        this.handled = database.getCollection(COLLECTION);
    }

    public boolean hasHandled(String eventId) {
        return handled.find(Filters.eq("_id", eventId)).limit(1).first() != null;
    }

    /** Remembers an event as handled; remembering it twice is harmless. */
    public void remember(String eventId, String type) {
        try {
            handled.insertOne(new Document("_id", eventId).append("type", type).append("handledAt", Instant.now().toString()));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    public long size() {
        return handled.estimatedDocumentCount();
    }
}
