package uk.mentoring.stack;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The H2 backend of the embedded server, with its maps opened with key and document types that
 * compare by value and store BSON ({@link ValueOrder}, {@link BsonDocuments}). The backend itself
 * opens the same maps by name afterwards and is handed these, as H2 keeps one map per name. Its
 * unique indexes also answer queries by their leading fields ({@link LeadingFieldsIndex}), and
 * indexes that are not unique are kept too ({@link SecondaryIndex}).
 */
final class FileBackend extends H2Backend {

    FileBackend(MVStore store) {
        super(store);
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
            MVMap<Object, Object> indexKeys = getMvStore().openMap(getFullCollectionNamespace(collectionName) + "._index_" + indexName,
                    new MVMap.Builder<Object, Object>().keyType(new ValueOrder()).valueType(new ObjectDataType()));
            return new LeadingFieldsIndex(super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse), indexKeys, sparse);
        }

        /**
         * A secondary index is built afresh from the documents each time the server opens the
         * file: a build of the server that did not keep these indexes may have written to it since,
         * and the collection fills an empty index as it adds it. An index created again while the
         * server runs is the one it has.
         */
        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            MVMap<Object, Object> indexKeys = getMvStore().openMap(getFullCollectionNamespace(collectionName) + "._index_" + indexName,
                    new MVMap.Builder<Object, Object>().keyType(new ValueOrder()).valueType(new ObjectDataType()));
            MongoCollection<Object> collection = resolveCollection(collectionName, false);
            boolean opening = collection == null || collection.getIndexes().stream().noneMatch(index -> index.getName().equals(indexName));
            if (opening) {
                indexKeys.clear();
            }
            return new SecondaryIndex(indexName, keys, sparse, indexKeys);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            getMvStore().openMap("databases." + getFullCollectionNamespace(collectionName),
                    new MVMap.Builder<Object, Document>().keyType(new ValueOrder()).valueType(new BsonDocuments()));
            return super.openOrCreateCollection(collectionName, options);
        }
    }
}
