package uk.mentoring.pairing.mentee;

import static com.mongodb.client.model.Filters.eq;

import java.util.Optional;
import java.util.UUID;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import uk.mentoring.contracts.pairing.PairingCreated;
import uk.mentoring.kit.events.EventJson;
import uk.mentoring.kit.security.PairingAccess;

/**
 * Which mentee, mentor and school each pairing belongs to, so that a request about a pairing
 * reaches the mentee that holds it, and is checked against the right school.
 *
 * <p>Kept as events are stored, in the same thread. Should a crash fall between the two, the
 * entry is restored at the next start from the event store itself.
 */
@Component
@ProcessingGroup("pairing-directory")
public class PairingDirectory {

    private final MongoCollection<Document> pairings;
    private final MongoCollection<Document> events;

    PairingDirectory(MongoDatabase serviceDatabase) {
        this.pairings = serviceDatabase.getCollection("pairing_directory");
        this.events = serviceDatabase.getCollection("domainevents");
    }

    public Optional<Entry> find(UUID pairingId) {
        return Optional.ofNullable(pairings.find(eq("_id", pairingId.toString())).first()).map(Entry::of);
    }

    @EventHandler
    void on(PairingCreated created) {
        pairings.replaceOne(eq("_id", created.pairingId().toString()), new Document("_id", created.pairingId().toString())
                .append("menteeId", created.menteeId().toString())
                .append("mentorId", created.mentorId().toString())
                .append("schoolId", created.schoolId().toString()), new ReplaceOptions().upsert(true));
    }

    @EventListener(ApplicationReadyEvent.class)
    void restoreMissingEntries() {
        events.find(eq("payloadType", PairingCreated.class.getName())).forEach(document -> {
            try {
                PairingCreated created = EventJson.mapper().readValue(document.getString("serializedPayload"), PairingCreated.class);
                if (find(created.pairingId()).isEmpty()) {
                    on(created);
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException("unreadable PairingCreated in the event store", e);
            }
        });
    }

    /** A pairing's place. */
    public record Entry(UUID pairingId, UUID menteeId, UUID mentorId, UUID schoolId) {

        public PairingAccess.Members members() {
            return new PairingAccess.Members(pairingId, schoolId, mentorId, menteeId);
        }

        static Entry of(Document document) {
            return new Entry(UUID.fromString(document.getString("_id")), UUID.fromString(document.getString("menteeId")),
                    UUID.fromString(document.getString("mentorId")), UUID.fromString(document.getString("schoolId")));
        }
    }
}
