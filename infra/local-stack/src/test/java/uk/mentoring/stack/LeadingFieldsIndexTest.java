package uk.mentoring.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.mentoring.stack.EmbeddedServers.freePort;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queries by an index's leading fields: one stretch of the index read, and the same answers as the
 * library's own backend, which reads every document for them.
 */
class LeadingFieldsIndexTest {

    @TempDir
    Path folder;

    @Test
    void a_query_by_the_first_field_reads_only_the_keys_that_start_with_it() {
        MVStore store = new MVStore.Builder().open();
        try {
            MVMap<Object, Object> keys = store.openMap("trail",
                    new MVMap.Builder<Object, Object>().keyType(new ValueOrder()).valueType(new ObjectDataType()));
            for (int mentee = 0; mentee < 50; mentee++) {
                for (long sequence = 1; sequence <= 40; sequence++) {
                    keys.put(new KeyValue("mentee-" + mentee, sequence), "mentee-" + mentee + ":" + sequence);
                }
            }
            keys.put(new KeyValue("mentee-7", "a text in place of a number"), "mentee-7:text");
            keys.put(new KeyValue("mentee-7", null), "mentee-7:none");
            keys.put(new KeyValue("mentee-70", 1L), "mentee-70:1");
            assertStretches(keys);
        } finally {
            store.close();
        }
    }

    private static void assertStretches(MVMap<Object, Object> keys) {
        List<IndexKey> fields = List.of(new IndexKey("menteeId", true), new IndexKey("sequence", true));
        LeadingFieldsIndex index = new LeadingFieldsIndex(new EmptyIndex<>("menteeId_1_sequence_1", fields), keys, false);

        // in MongoDB's order of values: null, then numbers, then text
        List<Object> expected = new ArrayList<>();
        expected.add("mentee-7:none");
        for (long sequence = 1; sequence <= 40; sequence++) {
            expected.add("mentee-7:" + sequence);
        }
        expected.add("mentee-7:text");
        de.bwaldvogel.mongo.bson.Document byMentee = new de.bwaldvogel.mongo.bson.Document("menteeId", "mentee-7");
        assertThat(index.canHandle(byMentee)).isTrue();
        assertThat(index.getPositions(byMentee)).containsExactlyElementsOf(expected);

        de.bwaldvogel.mongo.bson.Document axonStyle = new de.bwaldvogel.mongo.bson.Document("$and", List.of(
                new de.bwaldvogel.mongo.bson.Document("menteeId", "mentee-7"),
                new de.bwaldvogel.mongo.bson.Document("sequence", new de.bwaldvogel.mongo.bson.Document("$gte", 30L))));
        assertThat(index.getPositions(axonStyle)).containsExactlyElementsOf(expected);
        assertThat(index.getPositions(new de.bwaldvogel.mongo.bson.Document("menteeId", "mentee-70"))).containsExactly("mentee-70:1");
        assertThat(index.getPositions(new de.bwaldvogel.mongo.bson.Document("menteeId", "mentee-700"))).isEmpty();

        // only text (and true or false) is looked up; numbers and operators are left to a scan
        assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("menteeId", 7))).isFalse();
        assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("sequence", 3L))).isFalse();
        assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("menteeId",
                new de.bwaldvogel.mongo.bson.Document("$in", List.of("mentee-1", "mentee-2"))))).isFalse();
        LeadingFieldsIndex nested = new LeadingFieldsIndex(new EmptyIndex<>("pairing.menteeId_1",
                List.of(new IndexKey("pairing.menteeId", true))), keys, false);
        assertThat(nested.canHandle(new de.bwaldvogel.mongo.bson.Document("pairing.menteeId", "mentee-7"))).isFalse();
    }

    @Test
    void the_file_backed_server_answers_queries_by_leading_fields_as_a_server_reading_every_document_does() throws IOException {
        List<Document> documents = trails();
        List<Function<MongoCollection<Document>, FindIterable<Document>>> queries = List.of(
                trail -> trail.find(Filters.eq("menteeId", "mentee-3")),
                trail -> trail.find(Filters.eq("menteeId", "mentee-3")).sort(Sorts.descending("sequence")).limit(1),
                trail -> trail.find(Filters.and(Filters.eq("menteeId", "mentee-3"), Filters.gte("sequence", 20L))).sort(Sorts.ascending("sequence")),
                trail -> trail.find(Filters.and(Filters.eq("menteeId", "mentee-3"), Filters.eq("type", "MeetingHeld"))),
                trail -> trail.find(new Document("menteeId", "mentee-3").append("type", "MeetingHeld")),
                trail -> trail.find(Filters.eq("menteeId", "shared")),
                trail -> trail.find(Filters.eq("menteeId", "mentee-30")),
                trail -> trail.find(Filters.eq("menteeId", "nobody")),
                trail -> trail.find(Filters.eq("menteeId", 3)),
                trail -> trail.find(Filters.eq("menteeId", null)),
                trail -> trail.find(Filters.and(Filters.eq("menteeId", "mentee-3"), Filters.eq("menteeId", "mentee-4"))),
                trail -> trail.find(Filters.eq("_id", "mentee-5:7")),
                trail -> trail.find(new Document("_id", "mentee-5:7").append("type", "ReflectionSubmitted")),
                trail -> trail.find(Filters.eq("eventId", "event-5-7")));

        // the library's own backend, which reads every document for such queries
        MongoServer readingEverything = new MongoServer(new H2Backend(new MVStore.Builder().open()));
        List<List<Document>> scanned;
        try {
            scanned = answers(readingEverything.bind().getPort(), documents, queries);
        } finally {
            readingEverything.shutdownNow();
        }
        int port = freePort();
        List<List<Document>> fromFile;
        try (EmbeddedMongo file = EmbeddedMongo.start(folder, port)) {
            fromFile = answers(port, documents, queries);
        }
        MVStore written = new MVStore.Builder().fileName(folder.resolve("mentoring.mv").toString()).open();
        try {
            assertThat(EmbeddedMongo.storesByValue(written)).as("answered by the file backend's own indexes").isTrue();
        } finally {
            written.close();
        }
        for (int i = 0; i < queries.size(); i++) {
            assertThat(fromFile.get(i)).as("query %d", i).containsExactlyInAnyOrderElementsOf(scanned.get(i));
        }
        assertThat(fromFile.get(0)).as("thirty entries and the one shared with mentee-4").hasSize(31);
        assertThat(fromFile.get(1)).singleElement().satisfies(last -> assertThat(last.get("sequence")).isEqualTo(99L));
        assertThat(fromFile.get(2)).hasSize(12);
        assertThat(fromFile.get(5)).hasSize(1);
        assertThat(fromFile.get(8)).hasSize(1);
        assertThat(fromFile.get(10)).hasSize(1);
    }

    /** Thirty entries for each of ten mentees, and a few the index must not lose track of. */
    private static List<Document> trails() {
        List<Document> documents = new ArrayList<>();
        for (int mentee = 0; mentee < 10; mentee++) {
            for (long sequence = 1; sequence <= 30; sequence++) {
                documents.add(new Document("_id", "mentee-" + mentee + ":" + sequence).append("menteeId", "mentee-" + mentee)
                        .append("sequence", sequence).append("eventId", "event-" + mentee + "-" + sequence)
                        .append("type", sequence % 3 == 0 ? "MeetingHeld" : "ReflectionSubmitted"));
            }
        }
        documents.add(new Document("_id", "numbered").append("menteeId", 3).append("sequence", 1L).append("eventId", "numbered"));
        documents.add(new Document("_id", "no mentee").append("sequence", 1L).append("eventId", "no mentee"));
        documents.add(new Document("_id", "two mentees").append("menteeId", List.of("mentee-3", "mentee-4")).append("sequence", 99L)
                .append("eventId", "two mentees"));
        documents.add(new Document("_id", "shared").append("menteeId", "shared").append("sequence", "first").append("eventId", "shared"));
        return documents;
    }

    private static List<List<Document>> answers(int port, List<Document> documents,
                                                List<Function<MongoCollection<Document>, FindIterable<Document>>> queries) {
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            MongoCollection<Document> trail = client.getDatabase("analytics").getCollection("audit_trail");
            trail.createIndex(Indexes.ascending("eventId"), new IndexOptions().unique(true));
            trail.createIndex(Indexes.ascending("menteeId", "sequence"), new IndexOptions().unique(true));
            trail.insertMany(documents);
            List<List<Document>> answers = new ArrayList<>();
            queries.forEach(query -> answers.add(query.apply(trail).into(new ArrayList<>())));
            return answers;
        }
    }
}
