package uk.mentoring.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.mentoring.stack.EmbeddedServers.freePort;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.Unpooled;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Counts by indexed values, answered from the index: the same figures as a server that reads
 * every document, through moves and removals; and the count the driver sends is the one answered
 * so, while counts the index cannot answer alone are left to the library.
 */
class CountFromIndexTest {

    private static final List<Bson> COUNTED = List.of(
            Filters.eq("schoolId", "school-1"),
            Filters.eq("schoolId", "school-2"),
            Filters.eq("schoolId", "nowhere"),
            Filters.eq("schoolId", 4),
            Filters.eq("published", false),
            Filters.eq("_id", "mentee-7"),
            Filters.eq("email", "mentee-8@school.example"),
            Filters.and(Filters.eq("schoolId", "school-4"), Filters.eq("stage", "TRAINEE")),
            Filters.eq("stage", "TRAINEE"),
            Filters.and(Filters.eq("schoolId", "school-3"), Filters.eq("n", 3)),
            Filters.gt("n", 50),
            new Document());

    @TempDir
    Path folder;

    @Test
    void counts_by_indexed_values_are_those_of_a_server_reading_every_document() throws IOException {
        List<List<Long>> scanned;
        MongoServer readingEverything = new MongoServer(new H2Backend(new MVStore.Builder().open()));
        try {
            scanned = countsAfterEachChange(readingEverything.bind().getPort());
        } finally {
            readingEverything.shutdownNow();
        }
        int port = freePort();
        List<List<Long>> fromIndex;
        try (EmbeddedMongo file = EmbeddedMongo.start(folder, port)) {
            fromIndex = countsAfterEachChange(port);
        }
        assertThat(fromIndex).isEqualTo(scanned);
        assertThat(scanned.get(0).subList(0, 9)).as("a mentee in two schools, a number, published or not, by id, by email, by stage and school, by stage")
                .containsExactly(11L, 11L, 0L, 1L, 34L, 1L, 1L, 10L, 51L);
        assertThat(scanned.get(1).subList(0, 2)).as("one moved from the first school to the second, one removed from it").containsExactly(9L, 12L);
    }

    @Test
    void the_drivers_count_by_an_indexed_value_is_answered_from_the_index_and_other_counts_by_the_library() throws IOException {
        List<BsonDocument> sent = new CopyOnWriteArrayList<>();
        int port = freePort();
        try (EmbeddedMongo file = EmbeddedMongo.start(folder, port);
             MongoClient client = MongoClients.create(MongoClientSettings.builder().applyConnectionString(new ConnectionString("mongodb://localhost:" + port))
                     .addCommandListener(recording(sent)).build())) {
            MongoCollection<Document> mentees = client.getDatabase("analytics").getCollection("mentees");
            prepare(mentees);
            de.bwaldvogel.mongo.MongoCollection<Object> held = file.collection("analytics", "mentees");

            sent.clear();
            assertThat(mentees.countDocuments(Filters.eq("schoolId", "school-1"))).isEqualTo(11);
            assertThat(CountFromIndex.answer("analytics", asServerSees(sent.get(0)), held)).hasValueSatisfying(answer ->
                    assertThat(((de.bwaldvogel.mongo.bson.Document) answer.get("cursor")).get("firstBatch")).asList().singleElement()
                            .isEqualTo(new de.bwaldvogel.mongo.bson.Document("_id", 1).append("n", 11)));

            // a key for a document that is not there: only a count from the index can see it
            file.secondaryIndexKeys("analytics.mentees._index_schoolId_1").put(new KeyValue("school-1", "not stored"), Long.MAX_VALUE);
            assertThat(mentees.countDocuments(Filters.eq("schoolId", "school-1"))).as("counted by the server from the index").isEqualTo(12);
            file.secondaryIndexKeys("analytics.mentees._index_schoolId_1").remove(new KeyValue("school-1", "not stored"));

            sent.clear();
            assertThat(mentees.countDocuments(Filters.eq("stage", "TRAINEE"))).isEqualTo(51);
            assertThat(CountFromIndex.answer("analytics", asServerSees(sent.get(0)), held)).as("by the first of two fields, a mentee in two schools once")
                    .hasValueSatisfying(answer -> assertThat(((de.bwaldvogel.mongo.bson.Document) answer.get("cursor")).get("firstBatch")).asList()
                            .singleElement().isEqualTo(new de.bwaldvogel.mongo.bson.Document("_id", 1).append("n", 51)));

            for (Bson notFromTheIndex : List.of(Filters.eq("schoolId", 4), Filters.and(Filters.eq("schoolId", "school-3"), Filters.eq("n", 3)),
                    Filters.eq("schoolId", null), Filters.gt("n", 50), new Document())) {
                sent.clear();
                mentees.countDocuments(notFromTheIndex);
                assertThat(CountFromIndex.answer("analytics", asServerSees(sent.get(0)), held)).as("%s", notFromTheIndex).isEmpty();
            }
            sent.clear();
            mentees.aggregate(List.of(new Document("$match", new Document("schoolId", "school-1")),
                    new Document("$group", new Document("_id", "$stage").append("n", new Document("$sum", 1))))).into(new ArrayList<>());
            assertThat(CountFromIndex.answer("analytics", asServerSees(sent.get(0)), held)).as("a group by a field").isEmpty();
        }
    }

    private static CommandListener recording(List<BsonDocument> sent) {
        return new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("aggregate")) {
                    sent.add(event.getCommand().clone());
                }
            }
        };
    }

    /** The command as the embedded server decodes it from the wire. */
    private static de.bwaldvogel.mongo.bson.Document asServerSees(BsonDocument command) {
        RawBsonDocument raw = new RawBsonDocument(command, new BsonDocumentCodec());
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(raw.getByteBuffer().asNIO()));
    }

    private static List<List<Long>> countsAfterEachChange(int port) {
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            MongoCollection<Document> mentees = client.getDatabase("analytics").getCollection("mentees");
            List<List<Long>> counts = new ArrayList<>();
            prepare(mentees);
            counts.add(counts(mentees));
            mentees.updateOne(Filters.eq("_id", "mentee-11"), Updates.set("schoolId", "school-2"));
            mentees.deleteOne(Filters.eq("_id", "mentee-21"));
            counts.add(counts(mentees));
            return counts;
        }
    }

    private static List<Long> counts(MongoCollection<Document> mentees) {
        return COUNTED.stream().map(mentees::countDocuments).toList();
    }

    /** A hundred mentees in ten schools, every third not yet published, one in two schools and one under a number. */
    private static void prepare(MongoCollection<Document> mentees) {
        mentees.createIndex(Indexes.ascending("schoolId"));
        mentees.createIndex(Indexes.ascending("published"), new IndexOptions().partialFilterExpression(new Document("published", false)));
        mentees.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true).sparse(true));
        mentees.createIndex(Indexes.ascending("stage", "schoolId"));
        List<Document> all = new ArrayList<>();
        for (int n = 0; n < 100; n++) {
            all.add(new Document("_id", "mentee-" + n).append("n", n).append("schoolId", "school-" + n % 10).append("email", "mentee-" + n + "@school.example")
                    .append("stage", n % 2 == 0 ? "TRAINEE" : "EARLY_CAREER").append("published", n % 3 != 0));
        }
        all.add(new Document("_id", "numbered").append("schoolId", 4).append("published", true));
        all.add(new Document("_id", "two schools").append("schoolId", List.of("school-1", "school-2")).append("stage", "TRAINEE"));
        mentees.insertMany(all);
    }
}
