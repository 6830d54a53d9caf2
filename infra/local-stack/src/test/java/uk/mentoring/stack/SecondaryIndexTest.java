package uk.mentoring.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.mentoring.stack.EmbeddedServers.freePort;
import static uk.mentoring.stack.EmbeddedServers.withCollection;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
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
 * Indexes that are not unique, kept by the file-backed server: the same answers as the library's
 * own backend, which keeps no such index and reads every document, through inserts, moves,
 * removals and a restart; and answered from the index, not by reading the collection.
 */
class SecondaryIndexTest {

    private static final List<Function<MongoCollection<Document>, FindIterable<Document>>> QUERIES = List.of(
            mentees -> mentees.find(Filters.eq("schoolId", "school-1")),
            mentees -> mentees.find(Filters.eq("schoolId", "school-2")).sort(Sorts.ascending("_id")),
            mentees -> mentees.find(Filters.and(Filters.eq("schoolId", "school-3"), Filters.eq("stage", "TRAINEE"))),
            mentees -> mentees.find(Filters.and(Filters.eq("schoolId", "school-3"), Filters.in("_id", List.of("mentee-3", "mentee-13", "mentee-14")))),
            mentees -> mentees.find(Filters.eq("schoolId", "school-10")),
            mentees -> mentees.find(Filters.eq("schoolId", "nowhere")),
            mentees -> mentees.find(Filters.eq("schoolId", 4)),
            mentees -> mentees.find(Filters.eq("schoolId", null)),
            mentees -> mentees.find(Filters.eq("published", false)).sort(Sorts.ascending("_id")).limit(5),
            mentees -> mentees.find(Filters.eq("published", false)),
            mentees -> mentees.find(Filters.eq("published", true)),
            mentees -> mentees.find(Filters.eq("published", 0)),
            mentees -> mentees.find(Filters.exists("schoolId")),
            mentees -> mentees.find());

    /** The mentees stored, three moved, some published, some removed, one more moved. */
    private static final List<Consumer<MongoCollection<Document>>> CHANGES = List.of(
            mentees -> mentees.insertMany(mentees()),
            mentees -> {
                mentees.updateOne(Filters.eq("_id", "mentee-1"), Updates.set("schoolId", "school-2"));
                mentees.updateOne(Filters.eq("_id", "mentee-11"), Updates.set("schoolId", "school-3"));
                mentees.updateOne(Filters.eq("_id", "mentee-21"), Updates.unset("schoolId"));
                mentees.updateOne(Filters.eq("_id", "mentee-31"), Updates.set("stage", "EARLY_CAREER"));
                mentees.updateOne(Filters.eq("_id", "mentee-200"), Updates.set("schoolId", "school-1"), new UpdateOptions().upsert(true));
            },
            mentees -> mentees.updateMany(Filters.and(Filters.eq("published", false), Filters.lt("n", 50)), Updates.set("published", true)),
            mentees -> mentees.deleteMany(Filters.in("_id", List.of("mentee-41", "mentee-51", "mentee-61", "mentee-200"))),
            mentees -> {
                mentees.updateOne(Filters.eq("_id", "mentee-71"), Updates.set("schoolId", "school-7"));
                mentees.deleteOne(Filters.eq("_id", "mentee-2"));
            });

    private static final String SCHOOL_INDEX = "analytics.mentees._index_schoolId_1";

    @TempDir
    Path folder;

    @Test
    void the_file_backed_server_answers_by_an_index_that_is_not_unique_as_a_server_reading_every_document_does() throws IOException {
        List<List<List<Document>>> scanned;
        MongoServer readingEverything = new MongoServer(new H2Backend(new MVStore.Builder().open()));
        try {
            scanned = afterEachChange(readingEverything.bind().getPort(), CHANGES.size());
        } finally {
            readingEverything.shutdownNow();
        }
        int port = freePort();
        List<List<List<Document>>> fromFile;
        try (EmbeddedMongo file = EmbeddedMongo.start(folder, port)) {
            fromFile = afterEachChange(port, CHANGES.size() - 1);
        }
        // the last change after a restart, which builds the index again from the documents
        Set<Object> indexed;
        try (EmbeddedMongo file = EmbeddedMongo.start(folder, port);
             MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            MongoCollection<Document> mentees = client.getDatabase("analytics").getCollection("mentees");
            CHANGES.get(CHANGES.size() - 1).accept(mentees);
            fromFile.add(answers(mentees));
            indexed = Set.copyOf(file.secondaryIndexKeys(SCHOOL_INDEX).keySet());
        }
        for (int change = 0; change < scanned.size(); change++) {
            for (int query = 0; query < QUERIES.size(); query++) {
                assertThat(fromFile.get(change).get(query)).as("query %d after change %d", query, change)
                        .containsExactlyInAnyOrderElementsOf(scanned.get(change).get(query));
            }
        }
        assertThat(scanned.get(0).get(0)).as("every tenth mentee and the one in two schools").hasSize(11);
        assertThat(scanned.get(1).get(0)).as("three moved away, one arrived").hasSize(9);
        assertThat(scanned.get(0).get(9)).as("every third one unpublished").hasSize(34);
        assertThat(scanned.get(2).get(9)).as("published since").hasSize(17);
        assertThat(scanned.get(3).get(0)).as("removed").hasSize(5);
        assertThat(scanned.get(4).get(0)).as("one more moved away after the restart").hasSize(4);

        // the index holds one key for each school of each mentee left, no more
        List<Document> everyone = scanned.get(scanned.size() - 1).get(QUERIES.size() - 1);
        Set<KeyValue> expected = new HashSet<>();
        for (Document mentee : everyone) {
            Object school = mentee.get("schoolId");
            for (Object each : school instanceof List<?> schools ? schools : java.util.Collections.singletonList(school)) {
                // numbers are keyed as one kind, as MongoDB compares them
                expected.add(new KeyValue(each instanceof Number number ? number.doubleValue() : each, mentee.get("_id")));
            }
        }
        assertThat(indexed).containsExactlyInAnyOrderElementsOf(expected);
        MVStore store = new MVStore.Builder().fileName(folder.resolve("mentoring.mv").toString()).open();
        try {
            assertThat(store.hasMap(SCHOOL_INDEX)).as("kept in memory, not in the file").isFalse();
        } finally {
            store.close();
        }
    }

    @Test
    void an_index_an_earlier_build_kept_in_the_file_is_removed_from_it_and_built_from_the_documents() throws IOException {
        withCollection(folder, "analytics", "mentees", mentees -> {
            mentees.insertMany(mentees());
            mentees.createIndex(Indexes.ascending("schoolId"));
        });
        // what an earlier build left in the file, out of date: most keys missing, a mentee under a school it is not in, one removed with its key left
        MVStore store = new MVStore.Builder().fileName(folder.resolve("mentoring.mv").toString()).open();
        try {
            MVMap<Object, Object> index = store.openMap(SCHOOL_INDEX, new MVMap.Builder<Object, Object>().keyType(new ValueOrder()).valueType(new ObjectDataType()));
            index.put(new KeyValue("school-2", "mentee-1"), "mentee-1");
            index.put(new KeyValue("school-1", "mentee-gone"), "mentee-gone");
            store.commit();
        } finally {
            store.close();
        }
        withCollection(folder, "analytics", "mentees", mentees -> {
            assertThat(mentees.find(Filters.eq("schoolId", "school-1")).into(new ArrayList<>())).hasSize(11)
                    .anyMatch(mentee -> mentee.get("_id").equals("mentee-1"));
            assertThat(mentees.find(Filters.eq("schoolId", "school-2")).into(new ArrayList<>())).hasSize(11)
                    .noneMatch(mentee -> mentee.get("_id").equals("mentee-1"));
        });
        store = new MVStore.Builder().fileName(folder.resolve("mentoring.mv").toString()).open();
        try {
            assertThat(store.hasMap(SCHOOL_INDEX)).as("removed from the file").isFalse();
        } finally {
            store.close();
        }
        int port = freePort();
        try (EmbeddedMongo file = EmbeddedMongo.start(folder, port);
             MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            MongoCollection<Document> mentees = client.getDatabase("analytics").getCollection("mentees");
            assertThat(file.secondaryIndexKeys(SCHOOL_INDEX)).as("built when the file was opened: a key for each school of each mentee, and one for the mentee with none").hasSize(104);
            mentees.dropIndex("schoolId_1");
            assertThat(file.secondaryIndexKeys(SCHOOL_INDEX)).as("a dropped index lets go of its keys").isEmpty();
        }
    }

    @Test
    void a_query_by_an_indexed_value_reads_one_stretch_of_the_index() {
        MVStore store = new MVStore.Builder().open();
        try {
            SecondaryIndex index = schoolIndex(store);
            for (Document mentee : mentees()) {
                de.bwaldvogel.mongo.bson.Document stored = new de.bwaldvogel.mongo.bson.Document(mentee);
                index.add(stored, "at " + mentee.get("_id"), null);
            }
            de.bwaldvogel.mongo.bson.Document bySchool = new de.bwaldvogel.mongo.bson.Document("schoolId", "school-1");
            assertThat(index.canHandle(bySchool)).isTrue();
            assertThat(index.getPositions(bySchool)).containsExactly("at mentee-1", "at mentee-11", "at mentee-21", "at mentee-31", "at mentee-41",
                    "at mentee-51", "at mentee-61", "at mentee-71", "at mentee-81", "at mentee-91", "at two schools");
            assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("schoolId", 4))).as("numbers are left to a scan").isFalse();
            assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("stage", "TRAINEE"))).as("not an indexed field").isFalse();

            de.bwaldvogel.mongo.bson.Document moved = new de.bwaldvogel.mongo.bson.Document("_id", "mentee-1").append("schoolId", "school-2");
            index.updateInPlace(new de.bwaldvogel.mongo.bson.Document("_id", "mentee-1").append("schoolId", "school-1"), moved, "at mentee-1", null);
            assertThat(index.getPositions(bySchool)).doesNotContain("at mentee-1").hasSize(10);
            assertThat(index.remove(moved)).as("where the document is kept, found by its id").isEqualTo("at mentee-1");
            assertThat(index.getPositions(new de.bwaldvogel.mongo.bson.Document("schoolId", "school-2"))).doesNotContain("at mentee-1");
        } finally {
            store.close();
        }
    }

    @Test
    void a_mentee_with_an_empty_list_of_schools_is_removed_and_may_come_back() throws IOException {
        withCollection(folder, "analytics", "mentees", mentees -> {
            mentees.createIndex(Indexes.ascending("schoolId"));
            mentees.insertOne(new Document("_id", "between schools").append("schoolId", List.of()));
            mentees.insertOne(new Document("_id", "mentee-1").append("schoolId", "school-1"));
            assertThat(mentees.deleteOne(Filters.eq("_id", "between schools")).getDeletedCount()).isEqualTo(1);
            mentees.insertOne(new Document("_id", "between schools").append("schoolId", List.of("school-1")));
            assertThat(mentees.find(Filters.eq("schoolId", "school-1")).into(new ArrayList<>())).extracting(mentee -> mentee.get("_id"))
                    .containsExactlyInAnyOrder("mentee-1", "between schools");
            assertThat(mentees.countDocuments()).isEqualTo(2);
        });
    }

    @Test
    void a_removal_racing_the_drop_of_an_index_finds_it_holding_nothing_as_a_sparse_index_would() {
        MVStore store = new MVStore.Builder().open();
        try {
            SecondaryIndex index = schoolIndex(store);
            de.bwaldvogel.mongo.bson.Document mentee = new de.bwaldvogel.mongo.bson.Document("_id", "mentee-1").append("schoolId", "school-1");
            index.add(mentee, 7L, null);
            assertThat(index.isSparse()).isFalse();
            index.drop();
            assertThat(index.remove(mentee)).isNull();
            assertThat(index.isSparse()).as("so the collection passes over it").isTrue();
            assertThat(index.count(new de.bwaldvogel.mongo.bson.Document("schoolId", "school-1"))).as("nor does it count").isEmpty();
        } finally {
            store.close();
        }
    }

    /** The answers to every query after each of the first {@code changes} changes. */
    private static List<List<List<Document>>> afterEachChange(int port, int changes) {
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            MongoCollection<Document> mentees = client.getDatabase("analytics").getCollection("mentees");
            mentees.createIndex(Indexes.ascending("schoolId"));
            mentees.createIndex(Indexes.ascending("published"), new IndexOptions().partialFilterExpression(new Document("published", false)));
            List<List<List<Document>>> answers = new ArrayList<>();
            for (Consumer<MongoCollection<Document>> change : CHANGES.subList(0, changes)) {
                change.accept(mentees);
                answers.add(answers(mentees));
            }
            return answers;
        }
    }

    private static List<List<Document>> answers(int port) {
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            return answers(client.getDatabase("analytics").getCollection("mentees"));
        }
    }

    private static List<List<Document>> answers(MongoCollection<Document> mentees) {
        List<List<Document>> answers = new ArrayList<>();
        QUERIES.forEach(query -> answers.add(query.apply(mentees).into(new ArrayList<>())));
        return answers;
    }

    /** A hundred mentees in ten schools, every third not yet published, and a few the index must not lose track of. */
    private static List<Document> mentees() {
        List<Document> mentees = new ArrayList<>();
        for (int n = 0; n < 100; n++) {
            mentees.add(new Document("_id", "mentee-" + n).append("n", n).append("schoolId", "school-" + n % 10)
                    .append("stage", n % 2 == 0 ? "TRAINEE" : "EARLY_CAREER").append("published", n % 3 != 0));
        }
        mentees.add(new Document("_id", "numbered").append("schoolId", 4).append("published", 0));
        mentees.add(new Document("_id", "nowhere yet").append("published", true));
        mentees.add(new Document("_id", "two schools").append("schoolId", List.of("school-1", "school-2")));
        return mentees;
    }

    /** The schoolId index as the server keeps it, over a tree of the given store. */
    private static SecondaryIndex schoolIndex(MVStore store) {
        MVMap<Object, Object> keys = store.openMap("mentees", new MVMap.Builder<Object, Object>().keyType(new ValueOrder()).valueType(new ObjectDataType()));
        return new SecondaryIndex("schoolId_1", List.of(new IndexKey("schoolId", true)), false, keys);
    }
}
