package uk.mentoring.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.mentoring.stack.EmbeddedServers.assertDuplicate;
import static uk.mentoring.stack.EmbeddedServers.withCollection;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents kept under numbers in the order they arrived, not under their ids: in the file in
 * that order, found by their ids, their unique keys enforced, numbering carried on after a
 * restart; and documents an earlier build kept under their ids, numbers among them, still found,
 * changed and removed, with new numbers above theirs.
 */
class ArrivalOrderCollectionTest {

    private static final String DOCUMENTS = "databases.analytics.mentees";
    /** The trees of its unique indexes, on {@code _id} and on the email address. */
    private static final String INDEXES = "analytics.mentees._index_";

    @TempDir
    Path folder;

    @Test
    void documents_lie_in_the_file_in_the_order_they_arrived_and_are_found_by_their_ids_after_a_restart() throws IOException {
        List<String> ids = new ArrayList<>();
        withServer(mentees -> {
            mentees.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
            for (int i = 0; i < 300; i++) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                if (i % 2 == 0) {
                    mentees.insertOne(mentee(id, i));
                } else {
                    mentees.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("email", "mentee-" + i + "@school.example"),
                            Updates.set("n", i)), new UpdateOptions().upsert(true));
                }
            }
            // changed where it lies; removed, its number not given again
            mentees.updateOne(Filters.eq("_id", ids.get(10)), Updates.set("stage", "EARLY_CAREER"));
            mentees.deleteOne(Filters.eq("_id", ids.get(150)));
        });
        String removed = ids.remove(150);

        Map<Object, de.bwaldvogel.mongo.bson.Document> stored = documents();
        List<Long> numbers = numbers(1, 300);
        numbers.remove(Long.valueOf(151));
        assertThat(stored.keySet()).containsExactlyElementsOf(numbers);
        assertThat(stored.values()).extracting(document -> document.get("_id")).containsExactlyElementsOf(ids);
        assertThat(stored.get(11L).get("stage")).isEqualTo("EARLY_CAREER");

        withServer(mentees -> {
            for (int i = 0; i < ids.size(); i += 13) {
                int n = i < 150 ? i : i + 1;
                assertThat(mentees.find(Filters.eq("_id", ids.get(i))).first()).extracting(document -> document.get("n")).isEqualTo(n);
                assertThat(mentees.find(Filters.eq("email", "mentee-" + n + "@school.example")).first())
                        .extracting(document -> document.get("_id")).isEqualTo(ids.get(i));
            }
            assertThat(mentees.find(Filters.eq("_id", removed)).first()).isNull();
            assertThat(mentees.find()).extracting(document -> document.get("_id")).containsExactlyElementsOf(ids);
            assertDuplicate(() -> mentees.insertOne(mentee(ids.get(3), 1_000)));
            assertDuplicate(() -> mentees.insertOne(mentee(UUID.randomUUID().toString(), 5)));
            mentees.insertOne(mentee("after the restart", 300));
        });
        assertThat(documents().keySet()).hasSize(300).contains(301L).doesNotContain(151L);
    }

    @Test
    void documents_an_earlier_build_kept_under_their_ids_are_found_changed_and_removed_and_new_numbers_start_above_theirs() throws IOException {
        withServer(mentees -> {
            mentees.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
            mentees.insertOne(mentee("mentee-a", 1));
            mentees.insertOne(mentee(40, 2));
            mentees.insertOne(mentee(500, 3));
            mentees.insertOne(mentee(2.5, 4));
            mentees.insertOne(mentee("mentee-b", 5));
        });
        keepUnderIds();
        assertThat(documents().keySet()).containsExactly(2.5, 40, 500, "mentee-a", "mentee-b");

        withServer(mentees -> {
            for (Object id : List.of("mentee-a", 40, 500, 2.5, "mentee-b")) {
                assertThat(mentees.find(Filters.eq("_id", id)).first()).as("by id %s", id).isNotNull();
            }
            assertThat(mentees.find(Filters.eq("email", "mentee-3@school.example")).first()).extracting(document -> document.get("_id")).isEqualTo(500);
            mentees.updateOne(Filters.eq("_id", 500), Updates.set("stage", "EARLY_CAREER"));
            mentees.deleteOne(Filters.eq("_id", "mentee-b"));
            assertDuplicate(() -> mentees.insertOne(mentee(40, 6)));
            assertDuplicate(() -> mentees.insertOne(mentee("mentee-c", 1)));
            mentees.insertOne(mentee("mentee-c", 7));
            mentees.insertOne(mentee(501, 8));
            assertThat(mentees.countDocuments()).isEqualTo(6);
        });

        Map<Object, de.bwaldvogel.mongo.bson.Document> stored = documents();
        assertThat(stored.keySet()).containsExactly(2.5, 40, 500, 501L, 502L, "mentee-a");
        assertThat(stored.get(500).get("stage")).isEqualTo("EARLY_CAREER");
        assertThat(stored.get(501L).get("_id")).isEqualTo("mentee-c");
        assertThat(stored.get(502L).get("_id")).isEqualTo(501);
        withServer(mentees -> assertThat(mentees.find(Filters.eq("_id", 501)).first()).extracting(document -> document.get("n")).isEqualTo(8));
    }

    private static Document mentee(Object id, int n) {
        return new Document("_id", id).append("email", "mentee-" + n + "@school.example").append("n", n).append("stage", "TRAINEE");
    }

    private static List<Long> numbers(long from, long to) {
        List<Long> numbers = new ArrayList<>();
        for (long number = from; number <= to; number++) {
            numbers.add(number);
        }
        return numbers;
    }

    /** Every document as the file keeps it, in the file's order. */
    private Map<Object, de.bwaldvogel.mongo.bson.Document> documents() {
        MVStore file = new MVStore.Builder().fileName(folder.resolve("mentoring.mv").toString()).open();
        try {
            return new LinkedHashMap<>(file.openMap(DOCUMENTS, documentTree()));
        } finally {
            file.close();
        }
    }

    /** Moves every document to where the library keeps it, under its id, as a file of an earlier build has it. */
    private void keepUnderIds() {
        MVStore file = new MVStore.Builder().fileName(folder.resolve("mentoring.mv").toString()).open();
        try {
            MVMap<Object, de.bwaldvogel.mongo.bson.Document> documents = file.openMap(DOCUMENTS, documentTree());
            Map<Object, Object> idsByNumber = new LinkedHashMap<>();
            for (Object number : List.copyOf(documents.keySet())) {
                de.bwaldvogel.mongo.bson.Document document = documents.remove(number);
                idsByNumber.put(number, document.get("_id"));
                documents.put(document.get("_id"), document);
            }
            List<String> uniqueIndexes = file.getMapNames().stream().filter(name -> name.startsWith(INDEXES)).toList();
            assertThat(uniqueIndexes).hasSize(2);
            for (String name : uniqueIndexes) {
                MVMap<Object, Object> index = file.openMap(name, new MVMap.Builder<Object, Object>().keyType(new ValueOrder()).valueType(new ObjectDataType()));
                assertThat(index).hasSameSizeAs(documents);
                index.replaceAll((key, number) -> idsByNumber.get(number));
            }
            file.commit();
        } finally {
            file.close();
        }
    }

    private static MVMap.Builder<Object, de.bwaldvogel.mongo.bson.Document> documentTree() {
        return new MVMap.Builder<Object, de.bwaldvogel.mongo.bson.Document>().keyType(new ValueOrder()).valueType(new BsonDocuments());
    }

    private void withServer(Consumer<MongoCollection<Document>> use) throws IOException {
        withCollection(folder, "analytics", "mentees", use);
    }
}
