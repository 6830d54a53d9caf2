package uk.mentoring.analytics.progress;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import uk.mentoring.contracts.pairing.MenteeEnrolled;
import uk.mentoring.contracts.pairing.MenteeMovedSchool;
import uk.mentoring.contracts.pairing.MentorAvailabilityChanged;
import uk.mentoring.contracts.pairing.MentorRegistered;
import uk.mentoring.contracts.pairing.PersonForgotten;
import uk.mentoring.contracts.pairing.PersonRole;
import uk.mentoring.contracts.pairing.SchoolOnboarded;
import uk.mentoring.kit.events.ReceivedEvent;

/**
 * The trust as the events describe it: its schools and their mentors and mentees (pairings are
 * {@link PairingHistoryProjection}'s). Every write sets fields keyed by the thing's own id, so an
 * event applied twice, or events arriving from different topics in any order, leave the same
 * documents behind.
 * Only what dashboards show is kept: no email addresses.
 */
@Component
class TrustDirectoryProjection implements ViewProjection {

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final ViewGenerations generations;

    TrustDirectoryProjection(ViewGenerations generations) {
        this.generations = generations;
    }

    /** What one event changes: fields of one document of one collection. */
    private record Change(String collection, String id, Map<String, Object> fields) {
    }

    @Override
    public void apply(ReceivedEvent event, int generation) {
        change(event).ifPresent(change -> generations.collection(change.collection(), generation)
                .updateOne(eq("_id", change.id()), sets(change.fields()), UPSERT));
    }

    /** One write per document, with the fields of all its events merged in the order they were read. */
    @Override
    public void applyAll(List<ReceivedEvent> events, int generation) {
        Map<String, Map<String, Map<String, Object>>> byCollection = new LinkedHashMap<>();
        for (ReceivedEvent event : events) {
            change(event).ifPresent(change -> byCollection.computeIfAbsent(change.collection(), collection -> new LinkedHashMap<>())
                    .computeIfAbsent(change.id(), id -> new LinkedHashMap<>()).putAll(change.fields()));
        }
        byCollection.forEach((collection, documents) -> {
            List<UpdateOneModel<Document>> writes = new ArrayList<>(documents.size());
            documents.forEach((id, fields) -> writes.add(new UpdateOneModel<>(eq("_id", id), sets(fields), UPSERT)));
            generations.collection(collection, generation).bulkWrite(writes, new BulkWriteOptions().ordered(false));
        });
    }

    private static Optional<Change> change(ReceivedEvent event) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (event.data() instanceof SchoolOnboarded school) {
            fields.put("name", school.name());
            fields.put("urn", school.urn());
            fields.put("phase", school.phase().name());
            fields.put("onboardedAt", event.recordedAt().toString());
            return Optional.of(new Change(Collections.SCHOOLS, school.schoolId().toString(), fields));
        } else if (event.data() instanceof MentorRegistered mentor) {
            fields.put("schoolId", mentor.schoolId().toString());
            // sealed, as it arrived: opened only on its way out to someone allowed to see it
            fields.put("displayName", mentor.displayName());
            fields.put("subjects", mentor.subjects());
            return Optional.of(new Change(Collections.MENTORS, mentor.mentorId().toString(), fields));
        } else if (event.data() instanceof MenteeEnrolled mentee) {
            fields.put("schoolId", mentee.schoolId().toString());
            fields.put("displayName", mentee.displayName());
            fields.put("stage", mentee.stage().name());
            return Optional.of(new Change(Collections.MENTEES, mentee.menteeId().toString(), fields));
        } else if (event.data() instanceof MenteeMovedSchool moved) {
            // a mentee's events share one partition, so the move always follows the enrolment
            fields.put("schoolId", moved.toSchoolId().toString());
            fields.put("moves." + event.id(), new Document("on", moved.movedOn().toString())
                    .append("from", moved.fromSchoolId().toString()).append("to", moved.toSchoolId().toString()));
            return Optional.of(new Change(Collections.MENTEES, moved.menteeId().toString(), fields));
        } else if (event.data() instanceof MentorAvailabilityChanged availability) {
            // the latest period stands; none given means available again
            fields.put("schoolId", availability.schoolId().toString());
            fields.put("unavailableFrom", availability.unavailableFrom() == null ? null : availability.unavailableFrom().toString());
            fields.put("unavailableTo", availability.unavailableTo() == null ? null : availability.unavailableTo().toString());
            return Optional.of(new Change(Collections.MENTORS, availability.mentorId().toString(), fields));
        } else if (event.data() instanceof PersonForgotten forgotten && forgotten.role() == PersonRole.MENTEE) {
            // still counted among the school's mentees, whose figures stay as they were; waiting for nobody
            fields.put("schoolId", forgotten.schoolId().toString());
            return Optional.of(new Change(Collections.FORGOTTEN_MENTEES, forgotten.personId().toString(), fields));
        }
        return Optional.empty();
    }

    private static Bson sets(Map<String, Object> fields) {
        return Updates.combine(fields.entrySet().stream().map(field -> Updates.set(field.getKey(), field.getValue())).toList());
    }
}
