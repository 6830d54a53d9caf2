package uk.mentoring.stack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

/**
 * An index that is not unique, which the library does not keep at all (it reads the whole
 * collection for every query): the views' documents by school, mentee or mentor, the stored events
 * not yet published. Each document has a key of its indexed values followed by its id, so documents
 * sharing values are told apart, and a query that pins the first fields reads one stretch of the
 * tree ({@link LeadingValues}); the key leads to the document's position. The id, not the position,
 * ends the key because a document being removed comes with its id alone.
 *
 * <p>MongoDB's partial indexes arrive here without their filter, so such an index holds every
 * document; it still answers only what the collection then checks against the whole query.
 */
final class SecondaryIndex extends Index<Object> implements CountingIndex {

    private static final String ID = "_id";

    private final MVMap<Object, Object> keys;
    private final boolean sparse;
    private volatile boolean dropped;

    SecondaryIndex(String name, List<IndexKey> fields, boolean sparse, MVMap<Object, Object> keys) {
        super(name, fields, sparse);
        this.keys = keys;
        this.sparse = sparse;
    }

    @Override
    public boolean canHandle(Document query) {
        return !LeadingValues.required(query, keys()).isEmpty();
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        return LeadingValues.positions(keys, LeadingValues.required(query, keys()), keys().size() + 1);
    }

    @Override
    public OptionalLong count(Document query) {
        return dropped ? OptionalLong.empty() : LeadingValues.count(keys, query, keys(), keys().size() + 1);
    }

    /** No document is found by its values alone here: the collection asks its unique indexes. */
    @Override
    public Object getPosition(Document document) {
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // any number of documents may share values
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        entries(document).forEach(entry -> keys.put(entry, position));
    }

    /**
     * The document's position, which the collection checks against its other indexes'. None for a
     * document a sparse index left out, or once the index is dropped; the collection then goes on
     * to its other indexes, as it does for a sparse one ({@link #isSparse}).
     */
    @Override
    public Object remove(Document document) {
        Object position = null;
        for (KeyValue entry : entries(document)) {
            Object removed = keys.remove(entry);
            position = position == null ? removed : position;
        }
        return position;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // any number of documents may share values
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position, MongoCollection<Object> collection) {
        List<KeyValue> before = entries(oldDocument);
        List<KeyValue> after = entries(newDocument);
        if (!before.equals(after)) {
            before.forEach(keys::remove);
            after.forEach(entry -> keys.put(entry, position));
        }
    }

    /**
     * A key for each combination of the document's indexed values (one per element of an array),
     * ending in its id. An empty array has no elements, and MongoDB indexes it as a value of its own;
     * so does this, or the document would have no key to be removed by.
     */
    private List<KeyValue> entries(Document document) {
        if (sparse && keys().stream().noneMatch(document::containsKey)) {
            return List.of();
        }
        Set<KeyValue> values = getKeyValues(document);
        if (values.isEmpty()) {
            values = Set.of(new KeyValue(Collections.nCopies(keys().size(), List.of())));
        }
        List<KeyValue> entries = new ArrayList<>(values.size());
        for (KeyValue value : values) {
            List<Object> parts = new ArrayList<>(value.size() + 1);
            value.forEach(parts::add);
            parts.add(document.get(ID));
            entries.add(new KeyValue(parts));
        }
        return entries;
    }

    @Override
    public long getCount() {
        return keys.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return keys.isEmpty();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    /**
     * The tree is in memory, where the database, removing an index's tree from the file, does not
     * look. It is emptied rather than removed, so that a write racing the drop lands in an empty
     * tree instead of failing on a closed one; an index made again under the same name takes it up.
     */
    @Override
    public void drop() {
        dropped = true;
        keys.clear();
    }

    /**
     * As created; and, once dropped, like a sparse index that leaves out every document: a removal
     * racing the drop finds no key here, and the collection, asking each index where the document
     * was, must not take that for a broken index.
     */
    @Override
    public boolean isSparse() {
        return sparse || dropped;
    }
}
