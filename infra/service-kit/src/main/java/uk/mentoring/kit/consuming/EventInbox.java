package uk.mentoring.kit.consuming;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import org.bson.Document;

import uk.mentoring.kit.events.ReceivedEvent;

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

    /** Which of these events were handled already, in one round trip. */
    public Set<String> handledAmong(Collection<String> eventIds) {
        Set<String> found = new HashSet<>();
        handled.find(Filters.in("_id", eventIds)).projection(Projections.include("_id")).forEach(document -> found.add(document.getString("_id")));
        return found;
    }

    /** Remembers an event as handled; remembering it twice is harmless. */
    public void remember(String eventId, String type) {
        try {
            handled.insertOne(entry(eventId, type, Instant.now()));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /** Remembers these events as handled, in one round trip; any of them remembered already stays as it was. */
    public void rememberAll(List<ReceivedEvent> events) {
        Instant now = Instant.now();
        try {
            handled.insertMany(events.stream().map(event -> entry(event.id(), event.type(), now)).toList(), new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().anyMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
        }
    }

    public long size() {
        return handled.estimatedDocumentCount();
    }

    private static Document entry(String eventId, String type, Instant at) {
        return new Document("_id", eventId).append("type", type).append("handledAt", at.toString());
    }
}
