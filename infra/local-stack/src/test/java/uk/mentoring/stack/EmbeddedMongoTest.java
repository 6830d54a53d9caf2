package uk.mentoring.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.mentoring.stack.EmbeddedServers.assertDuplicate;
import static uk.mentoring.stack.EmbeddedServers.freePort;
import static uk.mentoring.stack.EmbeddedServers.withCollection;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.BsonBinarySubType;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server's file: unique keys found and enforced by value, documents kept exactly,
 * both still so after a restart; and a file written in the earlier layout still read as written.
 */
class EmbeddedMongoTest {

    private static final int EVENTS = 3_000;

    @TempDir
    Path folder;

    @Test
    void an_event_store_is_found_by_its_keys_and_refuses_a_second_event_at_the_same_place_before_and_after_a_restart() throws IOException {
        List<ObjectId> ids = new ArrayList<>();
        withServer(events -> {
            events.createIndex(Indexes.ascending("aggregateIdentifier", "sequenceNumber"), new IndexOptions().unique(true));
            events.createIndex(Indexes.ascending("eventIdentifier"), new IndexOptions().unique(true));
            for (int i = 0; i < EVENTS; i++) {
                ObjectId id = new ObjectId();
                ids.add(id);
                events.insertOne(event(id, "mentee-" + (i % 300), i / 300, "event-" + i));
            }
            assertStoreHolds(events, ids);
        });
        withServer(events -> assertStoreHolds(events, ids));
        MVStore file = new MVStore.Builder().fileName(folder.resolve("mentoring.mv").toString()).open();
        try {
            assertThat(EmbeddedMongo.storesByValue(file)).isTrue();
            // the maps opened by name ahead of the library hold the data: were the library to name
            // them differently, these would be empty and its own maps would have the old types
            assertThat(file.openMap("databases.pairing.domainevents",
                    new MVMap.Builder<Object, de.bwaldvogel.mongo.bson.Document>().keyType(new ValueOrder()).valueType(new BsonDocuments())).size())
                    .isEqualTo(EVENTS);
            assertThat(file.openMap("pairing.domainevents._index_eventIdentifier_1",
                    new MVMap.Builder<Object, Object>().keyType(new ValueOrder()).valueType(new ObjectDataType())).size()).isEqualTo(EVENTS);
        } finally {
            file.close();
        }
    }

    @Test
    void numbers_of_different_types_and_documents_of_every_kind_come_back_as_they_were_stored() throws IOException {
        Document stored = new Document("_id", "mentee-1").append("int", 7).append("long", 7L).append("double", 7.5)
                .append("decimal", new Decimal128(new BigDecimal("12.30"))).append("text", "Reflection on a lesson — Gibbs' cycle")
                .append("when", Date.from(Instant.parse("2026-10-05T08:30:00Z"))).append("flag", true).append("nothing", null)
                .append("list", List.of(1, "two", new Document("three", 3L))).append("nested", new Document("deeper", new Document("x", -0.0)))
                .append("bytes", new Binary(new byte[] {1, 2, 3})).append("uuid", new Binary(BsonBinarySubType.UUID_STANDARD, uuidBytes()))
                .append("objectId", new ObjectId("65a1b2c3d4e5f60718293a4b"));
        withServer(collection -> {
            collection.createIndex(Indexes.ascending("number"), new IndexOptions().unique(true).sparse(true));
            collection.insertOne(stored);
            collection.insertOne(new Document("_id", "int").append("number", 1));
            // as in MongoDB, a number is the same key whatever its type
            assertDuplicate(() -> collection.insertOne(new Document("_id", "long").append("number", 1L)));
            assertThat(collection.find(new Document("_id", "mentee-1")).first()).isEqualTo(stored);
        });
        withServer(collection -> {
            assertThat(collection.find(new Document("_id", "mentee-1")).first()).isEqualTo(stored);
            assertThat(found(collection.find(new Document("number", 1L)).first()).get("_id")).isEqualTo("int");
            assertDuplicate(() -> collection.insertOne(new Document("_id", "double").append("number", 1.0)));
            collection.insertOne(new Document("_id", "two").append("number", 2L));
            assertThat(collection.countDocuments()).isEqualTo(3);
        });
    }

    @Test
    void keys_of_every_kind_find_their_document_and_refuse_a_second_one_after_a_restart() throws IOException {
        List<Object> keys = List.of("text", 42, 42_000_000_000L, 2.5, true, new ObjectId("65a1b2c3d4e5f60718293a4b"),
                Date.from(Instant.parse("2026-10-05T08:30:00Z")), new Document("school", "149999"),
                new Binary(BsonBinarySubType.UUID_STANDARD, uuidBytes()));
        withServer(collection -> {
            collection.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
            collection.createIndex(Indexes.ascending("school", "key"), new IndexOptions().unique(true));
            for (int i = 0; i < keys.size(); i++) {
                collection.insertOne(new Document("_id", keys.get(i)).append("key", keys.get(i)).append("school", "s" + (i % 3)).append("n", i));
            }
            collection.insertOne(new Document("_id", "no key").append("school", "s1").append("n", -1));
        });
        withServer(collection -> {
            for (int i = 0; i < keys.size(); i++) {
                Object key = keys.get(i);
                assertThat(found(collection.find(new Document("key", key)).first()).get("n")).as("by %s", key).isEqualTo(i);
                assertThat(found(collection.find(new Document("_id", key)).first()).get("n")).as("by id %s", key).isEqualTo(i);
                assertThat(found(collection.find(new Document("school", "s" + (i % 3)).append("key", key)).first()).get("n")).isEqualTo(i);
                assertDuplicate(() -> collection.insertOne(new Document("key", key)));
            }
            assertThat(found(collection.find(new Document("key", null)).first()).get("n")).isEqualTo(-1);
            assertDuplicate(() -> collection.insertOne(new Document("school", "s1")));
            assertThat(collection.countDocuments()).isEqualTo(keys.size() + 1);
        });
    }

    @Test
    void a_file_written_in_the_earlier_layout_is_read_as_it_was_written() throws IOException {
        Path file = folder.resolve("mentoring.mv");
        MVStore earlier = new MVStore.Builder().fileName(file.toString()).open();
        H2Backend earlierBackend = new H2Backend(earlier);
        MongoServer server = new MongoServer(earlierBackend);
        int port = freePort();
        server.bind("localhost", port);
        List<ObjectId> ids = new ArrayList<>();
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            MongoCollection<Document> events = client.getDatabase("pairing").getCollection("domainevents");
            events.createIndex(Indexes.ascending("aggregateIdentifier", "sequenceNumber"), new IndexOptions().unique(true));
            events.createIndex(Indexes.ascending("eventIdentifier"), new IndexOptions().unique(true));
            for (int i = 0; i < 500; i++) {
                ObjectId id = new ObjectId();
                ids.add(id);
                events.insertOne(event(id, "mentee-" + (i % 300), i / 300, "event-" + i));
            }
        } finally {
            server.shutdownNow();
            earlierBackend.close();
        }

        MVStore reopened = new MVStore.Builder().fileName(file.toString()).open();
        try {
            assertThat(EmbeddedMongo.storesByValue(reopened)).isFalse();
        } finally {
            reopened.close();
        }
        withServer(events -> {
            for (int i = 0; i < ids.size(); i += 7) {
                assertThat(found(events.find(new Document("_id", ids.get(i))).first()).get("eventIdentifier")).isEqualTo("event-" + i);
            }
            assertDuplicate(() -> events.insertOne(event(new ObjectId(), "mentee-4", 1, "another")));
        });
    }

    private static void assertStoreHolds(MongoCollection<Document> events, List<ObjectId> ids) {
        for (int i = 0; i < EVENTS; i += 37) {
            Document byPlace = events.find(new Document("aggregateIdentifier", "mentee-" + (i % 300)).append("sequenceNumber", (long) (i / 300))).first();
            assertThat(found(byPlace).get("eventIdentifier")).isEqualTo("event-" + i);
            assertThat(found(events.find(new Document("_id", ids.get(i))).first()).get("eventIdentifier")).isEqualTo("event-" + i);
            assertThat(found(events.find(new Document("eventIdentifier", "event-" + i)).first()).get("_id")).isEqualTo(ids.get(i));
        }
        assertThat(events.countDocuments()).isEqualTo(EVENTS);
        assertThat(events.countDocuments(new Document("aggregateIdentifier", "mentee-42"))).isEqualTo(EVENTS / 300);
        assertDuplicate(() -> events.insertOne(event(new ObjectId(), "mentee-42", 3, "a second event at the same place")));
        assertDuplicate(() -> events.insertOne(event(new ObjectId(), "mentee-9999", 0, "event-1234")));
        assertDuplicate(() -> events.insertOne(event(ids.get(5), "mentee-9999", 0, "an event with a used id")));
        assertThat(events.countDocuments()).isEqualTo(EVENTS);
    }

    private static Document found(Document document) {
        assertThat(document).isNotNull();
        return document;
    }

    private static Document event(ObjectId id, String aggregate, long sequence, String eventId) {
        return new Document("_id", id).append("aggregateIdentifier", aggregate).append("sequenceNumber", sequence).append("eventIdentifier", eventId)
                .append("payload", "<mentee-enrolled/>");
    }

    private void withServer(Consumer<MongoCollection<Document>> use) throws IOException {
        withCollection(folder, "pairing", "domainevents", use);
    }

    private static byte[] uuidBytes() {
        UUID uuid = UUID.fromString("3f2b8c1e-6a4d-4e8f-9b2a-1c7d5e9f0a3b");
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
        bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return bytes.array();
    }
}
