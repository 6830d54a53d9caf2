package uk.mentoring.stack;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The wire-compatible MongoDB server, kept in one file under the data folder so that a restart
 * finds everything where it was. Each service still has its own database in it.
 */
final class EmbeddedMongo implements AutoCloseable {

    private static final String LAYOUT = "mentoring.layout";
    /** Stored in files as written; changing it would make every such file look like the earlier layout. */
    private static final String BY_VALUE = "keys in value order; keys and documents as BSON";
    /** The pages kept in memory; the services' event stores and views are read far more than written. */
    private static final int CACHE_MB = 64;
    /**
     * Changes held before they are written early, ahead of the tenth of a second: the store
     * rewrites every page a change touched, and at its default of 1 MB a rebuild of the views wrote
     * the same pages many times a second.
     */
    private static final int UNSAVED_KB = 32 * 1024;

    private final MongoServer server;
    private final H2Backend backend;

    private EmbeddedMongo(MongoServer server, H2Backend backend) {
        this.server = server;
        this.backend = backend;
    }

    static EmbeddedMongo start(Path folder, int port) throws IOException {
        Files.createDirectories(folder);
        MVStore store = new MVStore.Builder().fileName(folder.resolve("mentoring.mv").toString()).cacheSize(CACHE_MB).autoCommitBufferSize(UNSAVED_KB).open();
        // written to the file within a tenth of a second; a real MongoDB journals every write
        store.setAutoCommitDelay(100);
        H2Backend backend = storesByValue(store) ? new FileBackend(store) : new H2Backend(store);
        MongoServer server = new MongoServer(backend);
        server.bind("localhost", port);
        return new EmbeddedMongo(server, backend);
    }

    /**
     * Whether this file keeps its keys in value order, written field by field, and its documents as
     * BSON. A new file does; a file written before that layout existed is opened as it was written,
     * since its trees are in the old order and its pages in the old form.
     */
    static boolean storesByValue(MVStore store) {
        MVMap<String, String> layout = store.openMap(LAYOUT);
        boolean empty = store.getMapNames().stream().noneMatch(name -> name.startsWith("databases."));
        if (empty && layout.isEmpty()) {
            layout.put("keys", BY_VALUE);
            store.commit();
        }
        return BY_VALUE.equals(layout.get("keys"));
    }

    /** The keys of a secondary index as the running server holds them, by the name of the index's tree. */
    Map<Object, Object> secondaryIndexKeys(String treeName) {
        return ((FileBackend) backend).secondaryIndexKeys(treeName);
    }

    /** A collection as the running server holds it, with its indexes. */
    @SuppressWarnings("unchecked")
    de.bwaldvogel.mongo.MongoCollection<Object> collection(String database, String name) {
        return (de.bwaldvogel.mongo.MongoCollection<Object>) backend.resolveDatabase(database).resolveCollection(name, false);
    }

    /** Processor time the server's threads have used so far: its network threads and the file store's writers. */
    Duration processorTime() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long nanos = 0;
        for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread != null && isServerThread(thread.getThreadName())) {
                nanos += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
            }
        }
        return Duration.ofNanos(nanos);
    }

    private static boolean isServerThread(String name) {
        return name.startsWith("mongo-server-") || name.startsWith("MVStore ") || name.startsWith("H2-");
    }

    @Override
    public void close() {
        server.shutdownNow();
        backend.close();
    }
}
