package uk.mentoring.analytics.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Who read which audit record, and when: every audit read leaves a line here, for the trust lead. */
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
    }

    /** @param reader who signed in, as their token names them; {@code personId} the person, where the token says */
    public record Read(Instant at, String reader, UUID personId, List<String> roles, String what) {
    }

    public void record(String reader, UUID personId, List<String> roles, String what) {
        reads.insertOne(new Document("at", Date.from(clock.instant())).append("reader", reader)
                .append("personId", personId == null ? null : personId.toString()).append("roles", roles).append("what", what));
    }

    /** The most recent reads first. */
    public List<Read> latest(int page, int size) {
        List<Read> found = new ArrayList<>();
        reads.find().sort(Sorts.descending("at")).skip(page * size).limit(size).forEach(read -> found.add(new Read(read.getDate("at").toInstant(),
                read.getString("reader"), read.getString("personId") == null ? null : UUID.fromString(read.getString("personId")),
                read.getList("roles", String.class), read.getString("what"))));
        return found;
    }
}
