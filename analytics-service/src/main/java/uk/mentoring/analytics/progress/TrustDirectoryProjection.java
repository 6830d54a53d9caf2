package uk.mentoring.analytics.progress;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import uk.mentoring.contracts.pairing.MenteeEnrolled;
import uk.mentoring.contracts.pairing.MentorRegistered;
import uk.mentoring.contracts.pairing.PairingCreated;
import uk.mentoring.contracts.pairing.PairingEnded;
import uk.mentoring.contracts.pairing.SchoolOnboarded;
import uk.mentoring.kit.consuming.EventSubscriber;
import uk.mentoring.kit.events.ReceivedEvent;

/**
 * The trust as the events describe it: its schools, their mentors and mentees, and the pairings
 * between them. Every write sets fields keyed by the thing's own id, so an event applied twice,
 * or events arriving from different topics in any order, leave the same documents behind.
 * Only what dashboards show is kept: no email addresses.
 */
@Component
class TrustDirectoryProjection implements EventSubscriber {

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> schools;
    private final MongoCollection<Document> mentors;
    private final MongoCollection<Document> mentees;
    private final MongoCollection<Document> pairings;

    TrustDirectoryProjection(MongoDatabase serviceDatabase) {
        this.schools = serviceDatabase.getCollection(Collections.SCHOOLS);
        this.mentors = serviceDatabase.getCollection(Collections.MENTORS);
        this.mentees = serviceDatabase.getCollection(Collections.MENTEES);
        this.pairings = serviceDatabase.getCollection(Collections.PAIRINGS);
    }

    @Override
    public void on(ReceivedEvent event) {
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
        } else if (event.data() instanceof PairingCreated pairing) {
            upsert(pairings, pairing.pairingId().toString(), Updates.combine(
                    Updates.set("schoolId", pairing.schoolId().toString()),
                    Updates.set("mentorId", pairing.mentorId().toString()),
                    Updates.set("menteeId", pairing.menteeId().toString()),
                    Updates.set("stage", pairing.stage().name()),
                    Updates.set("pairedOn", pairing.pairedOn().toString())));
        } else if (event.data() instanceof PairingEnded ended) {
            upsert(pairings, ended.pairingId().toString(), Updates.combine(
                    Updates.set("schoolId", ended.schoolId().toString()),
                    Updates.set("mentorId", ended.mentorId().toString()),
                    Updates.set("menteeId", ended.menteeId().toString()),
                    Updates.set("endedOn", ended.endedOn().toString()),
                    Updates.set("endReason", ended.reason().name())));
        }
    }

    private static void upsert(MongoCollection<Document> collection, String id, Bson update) {
        collection.updateOne(eq("_id", id), update, UPSERT);
    }
}
