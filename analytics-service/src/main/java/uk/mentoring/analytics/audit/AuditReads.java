package uk.mentoring.analytics.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Who read which audit record, when, and what they were answered: every audit read, and every attempt refused, leaves a line here, for the trust lead. */
@Component
public class AuditReads {

    private final MongoCollection<Document> reads;
    private final Clock clock;

    @Autowired
    AuditReads(MongoDatabase serviceDatabase) {
        this(serviceDatabase, Clock.systemUTC());
    }

    AuditReads(MongoDatabase serviceDatabase, Clock clock) {
        this.reads = serviceDatabase.getCollection("audit_reads");
        this.clock = clock;
        reads.createIndex(Indexes.descending("at"));
        reads.createIndex(Indexes.ascending("menteeId"));
    }

    /**
     * @param reader   who signed in, as their token names them; {@code personId} the person, where the token says
     * @param menteeId whose record was asked for, where one was
     * @param outcome  what they were answered; absent for reads recorded before outcomes were
     */
    public record Read(Instant at, String reader, UUID personId, List<String> roles, UUID menteeId, String what, Outcome outcome) {
    }

    /** What a read of an audit record was answered. */
    public enum Outcome {
        /** The record, as asked for. */
        ANSWERED,
        /** Nothing: the caller may not read audit records. */
        REFUSED,
        /** Nothing: no such mentee is known. */
        NOT_FOUND,
        /** Nothing: the request was malformed (a date, a page, a format). */
        INVALID
    }

    public void record(String reader, UUID personId, List<String> roles, UUID menteeId, String what, Outcome outcome) {
        reads.insertOne(new Document("at", Date.from(clock.instant())).append("reader", reader)
                .append("personId", personId == null ? null : personId.toString()).append("roles", roles)
                .append("menteeId", menteeId == null ? null : menteeId.toString()).append("what", what)
                .append("outcome", outcome.name()));
    }

    /** The most recent reads first, of one mentee's record where one is named. A page past the end is empty. */
    public List<Read> latest(int page, int size, UUID menteeId) {
        long skip = (long) page * size;
        if (skip > Integer.MAX_VALUE) {
            return List.of();
        }
        List<Read> found = new ArrayList<>();
        Bson which = menteeId == null ? new Document() : Filters.eq("menteeId", menteeId.toString());
        reads.find(which).sort(Sorts.descending("at")).skip((int) skip).limit(size).forEach(read -> found.add(new Read(read.getDate("at").toInstant(),
                read.getString("reader"), uuid(read.getString("personId")), read.getList("roles", String.class), uuid(read.getString("menteeId")),
                read.getString("what"), read.getString("outcome") == null ? null : Outcome.valueOf(read.getString("outcome")))));
        return found;
    }

    private static UUID uuid(String written) {
        return written == null ? null : UUID.fromString(written);
    }
}
