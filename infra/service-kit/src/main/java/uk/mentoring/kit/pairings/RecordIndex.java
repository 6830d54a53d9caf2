package uk.mentoring.kit.pairings;

import static com.mongodb.client.model.Filters.eq;

import java.util.Optional;
import java.util.UUID;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

/**
 * Which pairing a meeting, observation or reflection belongs to, so a request naming only the
 * record reaches the right pairing and is checked against its members. Written before the record
 * itself: an entry whose record was never stored leads nowhere, and is harmless.
 */
public class RecordIndex {

    private final MongoCollection<Document> entries;

    public RecordIndex(MongoDatabase serviceDatabase) {
        this.entries = serviceDatabase.getCollection("record_index");
    }

    public void register(String kind, UUID recordId, UUID pairingId) {
        try {
            entries.insertOne(new Document("_id", kind + ":" + recordId).append("pairingId", pairingId.toString()));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    public Optional<UUID> pairingOf(String kind, UUID recordId) {
        Document entry = entries.find(eq("_id", kind + ":" + recordId)).first();
        return Optional.ofNullable(entry).map(found -> UUID.fromString(found.getString("pairingId")));
    }
}
