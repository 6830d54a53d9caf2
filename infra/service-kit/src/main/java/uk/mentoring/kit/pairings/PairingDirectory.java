package uk.mentoring.kit.pairings;

import static com.mongodb.client.model.Filters.eq;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import uk.mentoring.contracts.MenteeStage;
import uk.mentoring.contracts.MentoringEvent;
import uk.mentoring.contracts.pairing.PairingCreated;
import uk.mentoring.contracts.pairing.PairingEnded;
import uk.mentoring.kit.consuming.EventSubscriber;
import uk.mentoring.kit.events.ReceivedEvent;
import uk.mentoring.kit.security.PairingAccess;

/**
 * What a service that works within pairings (meetings, reflections) knows of them, learnt from
 * the pairing topic into its own database: who mentors whom, in which school, and whether the
 * pairing is still active. Upserts by pairing id, so duplicates and reordering change nothing.
 */
public class PairingDirectory implements EventSubscriber {

    static final String COLLECTION = "known_pairings";

    private final MongoCollection<Document> pairings;

    public PairingDirectory(MongoDatabase serviceDatabase) {
        this.pairings = serviceDatabase.getCollection(COLLECTION);
    }

    @Override
    public boolean wants(Class<? extends MentoringEvent> type) {
        return type == PairingCreated.class || type == PairingEnded.class;
    }

    @Override
    public void on(ReceivedEvent event) {
        if (event.data() instanceof PairingCreated created) {
            pairings.updateOne(eq("_id", created.pairingId().toString()), Updates.combine(
                    Updates.set("schoolId", created.schoolId().toString()),
                    Updates.set("mentorId", created.mentorId().toString()),
                    Updates.set("menteeId", created.menteeId().toString()),
                    Updates.set("stage", created.stage().name()),
                    Updates.set("pairedOn", created.pairedOn().toString())), new UpdateOptions().upsert(true));
        } else if (event.data() instanceof PairingEnded ended) {
            pairings.updateOne(eq("_id", ended.pairingId().toString()), Updates.combine(
                    Updates.set("schoolId", ended.schoolId().toString()),
                    Updates.set("mentorId", ended.mentorId().toString()),
                    Updates.set("menteeId", ended.menteeId().toString()),
                    Updates.set("endedOn", ended.endedOn().toString())), new UpdateOptions().upsert(true));
        }
    }

    public Optional<KnownPairing> find(UUID pairingId) {
        Document pairing = pairings.find(eq("_id", pairingId.toString())).first();
        if (pairing == null || pairing.getString("pairedOn") == null) {
            return Optional.empty();
        }
        return Optional.of(new KnownPairing(pairingId,
                UUID.fromString(pairing.getString("schoolId")),
                UUID.fromString(pairing.getString("mentorId")),
                UUID.fromString(pairing.getString("menteeId")),
                MenteeStage.valueOf(pairing.getString("stage")),
                LocalDate.parse(pairing.getString("pairedOn")),
                Optional.ofNullable(pairing.getString("endedOn")).map(LocalDate::parse)));
    }

    /** A pairing as far as this service knows it. */
    public record KnownPairing(UUID pairingId, UUID schoolId, UUID mentorId, UUID menteeId, MenteeStage stage,
                               LocalDate pairedOn, Optional<LocalDate> endedOn) {

        public boolean isActive() {
            return endedOn.isEmpty();
        }

        public PairingAccess.Members members() {
            return new PairingAccess.Members(pairingId, schoolId, mentorId, menteeId);
        }
    }
}
