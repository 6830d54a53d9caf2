package uk.mentoring.analytics.progress;

import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import uk.mentoring.analytics.progress.PairingHistory.Meeting;
import uk.mentoring.analytics.progress.PairingHistory.Observation;
import uk.mentoring.analytics.progress.PairingHistory.OwnRating;
import uk.mentoring.analytics.progress.PairingHistory.Reflection;
import uk.mentoring.analytics.progress.PairingHistory.SupportChange;
import uk.mentoring.analytics.progress.PairingHistory.Target;
import uk.mentoring.contracts.MenteeStage;
import uk.mentoring.contracts.ReflectionDepth;
import uk.mentoring.contracts.ReflectionModel;
import uk.mentoring.contracts.SupportLevel;
import uk.mentoring.contracts.pairing.SupportIncreaseReason;
import uk.mentoring.contracts.WithinPairing;
import uk.mentoring.contracts.reflection.IdentifiedBy;

/**
 * The pairings' histories in the analytics database: one document per pairing, its facts in
 * maps keyed by their ids, so that writes commute.
 */
@Component
public class PairingHistories {

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final ViewGenerations generations;

    PairingHistories(ViewGenerations generations) {
        this.generations = generations;
    }

    private MongoCollection<Document> pairings() {
        return generations.active(Collections.PAIRINGS);
    }

    /** Sets facts of the pairing an event happened in; the pairing's members come with every such event. */
    void record(int generation, WithinPairing event, List<Bson> facts) {
        List<Bson> update = new ArrayList<>(facts);
        update.add(Updates.set("schoolId", event.schoolId().toString()));
        update.add(Updates.set("mentorId", event.mentorId().toString()));
        update.add(Updates.set("menteeId", event.menteeId().toString()));
        generations.collection(Collections.PAIRINGS, generation).updateOne(eq("_id", event.pairingId().toString()), Updates.combine(update), UPSERT);
    }

    /**
     * Sets the facts of many pairings at once: one write per pairing, each with the facts of all
     * its events merged in the order they were read (a later value of the same fact wins, as it
     * would applied one by one).
     */
    void recordAll(int generation, Map<WithinPairing, Map<String, Object>> factsByPairing) {
        List<UpdateOneModel<Document>> writes = new ArrayList<>(factsByPairing.size());
        factsByPairing.forEach((event, facts) -> {
            List<Bson> update = new ArrayList<>(facts.size() + 3);
            facts.forEach((path, value) -> update.add(Updates.set(path, value)));
            update.add(Updates.set("schoolId", event.schoolId().toString()));
            update.add(Updates.set("mentorId", event.mentorId().toString()));
            update.add(Updates.set("menteeId", event.menteeId().toString()));
            writes.add(new UpdateOneModel<>(eq("_id", event.pairingId().toString()), Updates.combine(update), UPSERT));
        });
        if (!writes.isEmpty()) {
            generations.collection(Collections.PAIRINGS, generation).bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    public Optional<PairingHistory> pairing(UUID pairingId) {
        return Optional.ofNullable(pairings().find(eq("_id", pairingId.toString())).first()).map(PairingHistories::history).filter(PairingHistory::isKnown);
    }

    public List<PairingHistory> all() {
        return known(Filters.empty());
    }

    public List<PairingHistory> inSchool(UUID schoolId) {
        return known(eq("schoolId", schoolId.toString()));
    }

    public List<PairingHistory> ofMentee(UUID menteeId) {
        return known(eq("menteeId", menteeId.toString()));
    }

    public List<PairingHistory> ofMentor(UUID mentorId) {
        return known(eq("mentorId", mentorId.toString()));
    }

    /** Known pairings, in a fixed order, so that views do not depend on the order documents were written in. */
    private List<PairingHistory> known(Bson filter) {
        List<PairingHistory> found = new ArrayList<>();
        pairings().find(filter).sort(Sorts.ascending("_id")).forEach(document -> {
            PairingHistory history = history(document);
            if (history.isKnown()) {
                found.add(history);
            }
        });
        return found;
    }

    static PairingHistory history(Document document) {
        return new PairingHistory(
                UUID.fromString(document.getString("_id")),
                uuid(document.getString("schoolId")),
                uuid(document.getString("mentorId")),
                uuid(document.getString("menteeId")),
                value(document.getString("stage"), MenteeStage::valueOf),
                date(document.getString("pairedOn")),
                date(document.getString("endedOn")),
                document.getString("endReason"),
                date(document.getString("endRecordedOn")),
                entries(document, "groundRules", (id, agreedOn) -> date((String) agreedOn)),
                entries(document, "meetings", (id, meeting) -> meeting((String) id, (Document) meeting)),
                entries(document, "support", (id, change) -> supportChange((Document) change)),
                entries(document, "observations", (id, observation) -> new Observation((String) id,
                        date(((Document) observation).getString("observedOn")), Boolean.TRUE.equals(((Document) observation).getBoolean("feedbackGiven")))),
                entries(document, "reflections", (id, reflection) -> reflection((String) id, (Document) reflection)),
                entries(document, "targets", (id, target) -> new Target((String) id, date(((Document) target).getString("setOn")),
                        value(((Document) target).getString("identifiedBy"), IdentifiedBy::valueOf), date(((Document) target).getString("metOn")))));
    }

    private static Meeting meeting(String id, Document meeting) {
        return new Meeting(id, date(meeting.getString("scheduledOn")), date(meeting.getString("heldOn")), meeting.getInteger("menteeConfidence"),
                Boolean.TRUE.equals(meeting.getBoolean("quietRoomBooked")), date(meeting.getString("missedOn")), date(meeting.getString("cancelledOn")),
                entries(meeting, "ownRatings", (event, rating) -> new OwnRating(Instant.parse(((Document) rating).getString("at")),
                        ((Document) rating).getInteger("confidence"))), instant(meeting.getString("heldAt")), instant(meeting.getString("scheduledFor")));
    }

    private static SupportChange supportChange(Document change) {
        String reason = change.getString("increaseReason");
        return new SupportChange(date(change.getString("on")), SupportLevel.valueOf(change.getString("from")), SupportLevel.valueOf(change.getString("to")),
                reason == null ? null : SupportIncreaseReason.valueOf(reason));
    }

    private static Reflection reflection(String id, Document reflection) {
        return new Reflection(id, date(reflection.getString("submittedOn")), value(reflection.getString("model"), ReflectionModel::valueOf),
                value(reflection.getString("selfAssessed"), ReflectionDepth::valueOf), value(reflection.getString("mentorAssessed"), ReflectionDepth::valueOf),
                date(reflection.getString("reviewedOn")), instant(reflection.getString("submittedAt")));
    }

    private static Instant instant(String written) {
        return written == null ? null : Instant.parse(written);
    }

    private static <T> List<T> entries(Document document, String field, BiFunction<Object, Object, T> read) {
        Document entries = document.get(field, Document.class);
        if (entries == null) {
            return List.of();
        }
        List<T> facts = new ArrayList<>();
        for (Map.Entry<String, Object> entry : entries.entrySet()) {
            facts.add(read.apply(entry.getKey(), entry.getValue()));
        }
        return facts;
    }

    private static UUID uuid(String value) {
        return value == null ? null : UUID.fromString(value);
    }

    private static LocalDate date(String value) {
        return value == null ? null : LocalDate.parse(value);
    }

    private static <T> T value(String value, Function<String, T> parse) {
        return value == null ? null : parse.apply(value);
    }
}
