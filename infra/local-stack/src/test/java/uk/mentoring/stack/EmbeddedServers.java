package uk.mentoring.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.function.Consumer;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

/** The embedded server as these tests start it: over a folder of the test's own, on a port nothing holds. */
final class EmbeddedServers {

    private EmbeddedServers() {
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Starts the server on the folder's file, hands one of its collections to {@code use}, and stops it. */
    static void withCollection(Path folder, String database, String collection, Consumer<MongoCollection<Document>> use) throws IOException {
        int port = freePort();
        try (EmbeddedMongo mongo = EmbeddedMongo.start(folder, port); MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            use.accept(client.getDatabase(database).getCollection(collection));
        }
    }

    static void assertDuplicate(Runnable insert) {
        assertThatThrownBy(insert::run).isInstanceOfSatisfying(MongoWriteException.class,
                e -> assertThat(ErrorCategory.fromErrorCode(e.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY));
    }
}
