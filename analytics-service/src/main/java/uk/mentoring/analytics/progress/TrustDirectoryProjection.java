package uk.mentoring.analytics.progress;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import uk.mentoring.contracts.pairing.MenteeEnrolled;
import uk.mentoring.contracts.pairing.MenteeMovedSchool;
import uk.mentoring.contracts.pairing.MentorRegistered;
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

    @Override
    public void apply(ReceivedEvent event, int generation) {
        MongoCollection<Document> schools = generations.collection(Collections.SCHOOLS, generation);
        MongoCollection<Document> mentors = generations.collection(Collections.MENTORS, generation);
        MongoCollection<Document> mentees = generations.collection(Collections.MENTEES, generation);
        if (event.data() instanceof SchoolOnboarded school) {
            upsert(schools, school.schoolId().toString(), Updates.combine(
                    Updates.set("name", school.name()),
                    Updates.set("urn", school.urn()),
                    Updates.set("phase", school.phase().name()),
                    Updates.set("onboardedAt", event.recordedAt().toString())));
        } else if (event.data() instanceof MentorRegistered mentor) {
            upsert(mentors, mentor.mentorId().toString(), Updates.combine(
                    Updates.set("schoolId", mentor.schoolId().toString()),
                    Updates.set("displayName", mentor.displayName()),
                    Updates.set("subjects", mentor.subjects())));
        } else if (event.data() instanceof MenteeEnrolled mentee) {
            upsert(mentees, mentee.menteeId().toString(), Updates.combine(
                    Updates.set("schoolId", mentee.schoolId().toString()),
                    Updates.set("displayName", mentee.displayName()),
                    Updates.set("stage", mentee.stage().name())));
        } else if (event.data() instanceof MenteeMovedSchool moved) {
            // a mentee's events share one partition, so the move always follows the enrolment
            upsert(mentees, moved.menteeId().toString(), Updates.combine(
                    Updates.set("schoolId", moved.toSchoolId().toString()),
                    Updates.set("moves." + event.id(), new Document("on", moved.movedOn().toString())
                            .append("from", moved.fromSchoolId().toString()).append("to", moved.toSchoolId().toString()))));
        }
    }

    private static void upsert(MongoCollection<Document> collection, String id, Bson update) {
        collection.updateOne(eq("_id", id), update, UPSERT);
    }
}
