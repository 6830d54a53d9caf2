package uk.mentoring.stack;

import java.util.List;
import java.util.Optional;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The H2 backend of the embedded server, with its maps opened with key and document types that
 * compare by value and store BSON ({@link ValueOrder}, {@link BsonDocuments}). The backend itself
 * opens the same maps by name afterwards and is handed these, as H2 keeps one map per name. Its
 * unique indexes also answer queries by their leading fields ({@link LeadingFieldsIndex}),
 * indexes that are not unique are kept too ({@link SecondaryIndex}), in memory, and documents are
 * kept in the order they arrived ({@link ArrivalOrderCollection}).
 */
final class FileBackend extends H2Backend {

    /**
     * The indexes that are not unique, on the heap. They are built from the documents whenever
     * the server opens its file, so writing them to it bought nothing and cost work: their keys
     * land all over their trees, and the file store wrote every page a change touched, ten times a
     * second. Set on first use, as the backend opens its databases from its own constructor.
     */
    private MVStore secondaryIndexes;

    FileBackend(MVStore store) {
        super(store);
    }

    private synchronized MVStore secondaryIndexes() {
        if (secondaryIndexes == null) {
            secondaryIndexes = new MVStore.Builder().open();
        }
        return secondaryIndexes;
    }

    /** The keys of a secondary index, by the name the library gives an index's tree. */
    MVMap<Object, Object> secondaryIndexKeys(String treeName) {
        return secondaryIndexes().openMap(treeName, indexTree());
    }

    private static MVMap.Builder<Object, Object> indexTree() {
        return new MVMap.Builder<Object, Object>().keyType(new ValueOrder()).valueType(new ObjectDataType());
    }

    @Override
    public void close() {
        super.close();
        secondaryIndexes().close();
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String name) {
        return new Database(name);
    }

    /**
     * An inner class on purpose: the database opens its collections and indexes from its
     * constructor, and only the enclosing backend's store is there that early.
     */
    private final class Database extends H2Database {

        Database(String name) {
            super(name, getMvStore(), getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            MVMap<Object, Object> indexKeys = getMvStore().openMap(getFullCollectionNamespace(collectionName) + "._index_" + indexName, indexTree());
            return new LeadingFieldsIndex(super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse), indexKeys, sparse);
        }

        /**
         * A secondary index is built afresh from the documents each time the server opens the
         * file: the collection fills an empty index as it adds it. An index created again while the
         * server runs is the one it has. Earlier builds kept these trees in the file; what they left
         * there is removed.
         */
        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            String treeName = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
            if (getMvStore().hasMap(treeName)) {
                // opened with its key type first: the file store may rewrite the tree's pages while it goes, and must order them
                getMvStore().removeMap(getMvStore().openMap(treeName, indexTree()));
            }
            MVMap<Object, Object> indexKeys = secondaryIndexKeys(treeName);
            MongoCollection<Object> collection = resolveCollection(collectionName, false);
            boolean opening = collection == null || collection.getIndexes().stream().noneMatch(index -> index.getName().equals(indexName));
            if (opening) {
                indexKeys.clear();
            }
            return new SecondaryIndex(indexName, keys, sparse, indexKeys);
        }

        /** A count by indexed values is answered from the index ({@link CountFromIndex}); every other command by the library. */
        @Override
        public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver databases, Oplog oplog) {
            if (command.equals("aggregate") && query.get("aggregate") instanceof String collectionName) {
                Optional<Document> counted = CountFromIndex.answer(getDatabaseName(), query, resolveCollection(collectionName, false));
                if (counted.isPresent()) {
                    return counted.get();
                }
            }
            return super.handleCommand(channel, command, query, databases, oplog);
        }

        /** Opened as the library opens its collections, with the document tree's types and a collection that numbers its documents. */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> documents = getMvStore().openMap("databases." + namespace,
                    new MVMap.Builder<Object, Document>().keyType(new ValueOrder()).valueType(new BsonDocuments()));
            MVMap<String, Object> sizes = getMvStore().openMap("meta." + namespace);
            return new ArrivalOrderCollection(this, collectionName, options, documents, sizes, getCursorRegistry());
        }
    }
}
