package uk.mentoring.stack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.exception.KeyConstraintError;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * A unique index of the embedded server that also finds documents by its leading fields alone: a
 * mentee's audit trail by mentee, an aggregate's events by aggregate. The library answers from a
 * unique index only a query that names all of its fields, and reads the whole collection for any
 * other; in {@link ValueOrder} the keys that share their leading values lie side by side, so one
 * stretch of the tree answers instead.
 *
 * <p>Only text values of top-level fields are looked up this way, as text equals text in MongoDB
 * exactly when it does in Java. What is found is still matched against the whole query by the
 * collection, so this index only has to find every document that can match; unsorted, the
 * documents come in the index's order rather than the collection's.
 */
final class LeadingFieldsIndex extends Index<Object> {

    private final Index<Object> unique;
    private final MVMap<Object, Object> keys;

    LeadingFieldsIndex(Index<Object> unique, MVMap<Object, Object> keys, boolean sparse) {
        super(unique.getName(), unique.getKeys(), sparse);
        this.unique = unique;
        this.keys = keys;
    }

    @Override
    public boolean canHandle(Document query) {
        return unique.canHandle(query) || !leadingValues(query).isEmpty();
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        if (unique.canHandle(query)) {
            return unique.getPositions(query);
        }
        List<Object> leading = leadingValues(query);
        int size = keys().size();
        Object[] from = new Object[size];
        for (int i = 0; i < size; i++) {
            from[i] = i < leading.size() ? leading.get(i) : MinKey.getInstance();
        }
        // a document whose indexed field is an array has a key for each element: found once
        Set<Object> positions = new LinkedHashSet<>();
        Cursor<Object, Object> cursor = keys.cursor(new KeyValue(from));
        while (cursor.hasNext()) {
            KeyValue key = (KeyValue) cursor.next();
            if (!startsWith(key, leading, size)) {
                break;
            }
            positions.add(cursor.getValue());
        }
        return positions;
    }

    private static boolean startsWith(KeyValue key, List<Object> leading, int size) {
        if (key.size() != size) {
            return false;
        }
        for (int i = 0; i < leading.size(); i++) {
            if (!Objects.equals(key.get(i), leading.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The text values the query requires of this index's first fields, in the index's order, up to
     * the first field it does not pin down: at the top level or within an {@code $and}.
     */
    private List<Object> leadingValues(Document query) {
        Map<String, Object> required = new LinkedHashMap<>();
        collectRequired(query, required);
        List<Object> leading = new ArrayList<>();
        for (String key : keys()) {
            // a field within an array of documents has a key for each array, not for each value in it
            if (key.contains(".")) {
                break;
            }
            Object value = required.get(key);
            if (!(value instanceof String)) {
                break;
            }
            leading.add(value);
        }
        return leading;
    }

    private static void collectRequired(Document query, Map<String, Object> required) {
        query.forEach((field, value) -> {
            if (field.equals("$and") && value instanceof List<?> conditions) {
                conditions.stream().filter(Document.class::isInstance).forEach(condition -> collectRequired((Document) condition, required));
            } else if (value instanceof String) {
                required.putIfAbsent(field, value);
            }
        });
    }

    @Override
    public boolean isUnique() {
        return true;
    }

    @Override
    public Object getPosition(Document document) {
        return unique.getPosition(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        unique.checkAdd(document, collection);
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        unique.add(document, position, collection);
    }

    @Override
    public Object remove(Document document) {
        return unique.remove(document);
    }

    @Override
    public long getCount() {
        return unique.getCount();
    }

    @Override
    public boolean isEmpty() {
        return unique.isEmpty();
    }

    @Override
    public long getDataSize() {
        return unique.getDataSize();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        unique.checkUpdate(oldDocument, newDocument, collection);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position, MongoCollection<Object> collection)
            throws KeyConstraintError {
        unique.updateInPlace(oldDocument, newDocument, position, collection);
    }

    @Override
    public void drop() {
        unique.drop();
    }
}
