package uk.mentoring.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

/**
 * The wire-compatible MongoDB server, kept in one file under the data folder so that a restart
 * finds everything where it was. Each service still has its own database in it.
 */
final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server;
    private final H2Backend backend;

    private EmbeddedMongo(MongoServer server, H2Backend backend) {
        this.server = server;
        this.backend = backend;
    }

    static EmbeddedMongo start(Path folder, int port) throws IOException {
        Files.createDirectories(folder);
        MVStore store = new MVStore.Builder().fileName(folder.resolve("mentoring.mv").toString()).open();
        // written to the file within a tenth of a second; a real MongoDB journals every write
        store.setAutoCommitDelay(100);
        H2Backend backend = new H2Backend(store);
        MongoServer server = new MongoServer(backend);
        server.bind("localhost", port);
        return new EmbeddedMongo(server, backend);
    }

    @Override
    public void close() {
        server.shutdownNow();
        backend.close();
    }
}
