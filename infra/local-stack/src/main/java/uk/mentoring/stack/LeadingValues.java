package uk.mentoring.stack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MinKey;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * Finding documents in an index's tree by the values a query requires of the index's first
 * fields. In {@link ValueOrder} the keys that share their leading values lie side by side, so one
 * stretch of the tree holds every document that can match.
 *
 * <p>Only text and true or false are looked up this way, as MongoDB calls two of them equal
 * exactly when Java does (numbers of different types can be equal in MongoDB and not in Java).
 * What is found is still matched against the whole query by the collection, so a stretch only has
 * to hold every document that can match.
 */
final class LeadingValues {

    private LeadingValues() {
    }

    /**
     * The values the query requires of the given fields, in their order, up to the first field it
     * does not pin down to text or true or false: at the top level or within an {@code $and}.
     */
    static List<Object> required(Document query, List<String> fields) {
        Map<String, Object> required = new LinkedHashMap<>();
        collectRequired(query, required);
        List<Object> leading = new ArrayList<>();
        for (String field : fields) {
            // a field within an array of documents has a key for each array, not for each value in it
            if (field.contains(".")) {
                break;
            }
            Object value = required.get(field);
            if (!(value instanceof String) && !(value instanceof Boolean)) {
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
            } else if (value instanceof String || value instanceof Boolean) {
                required.putIfAbsent(field, value);
            }
        });
    }

    /**
     * The values (documents' positions) of the keys of {@code size} parts that start with
     * {@code leading}, in the tree's order; a document with an array in an indexed field has a key
     * for each element, and is found once.
     */
    static Set<Object> positions(MVMap<Object, Object> keys, List<Object> leading, int size) {
        Set<Object> positions = new LinkedHashSet<>();
        Cursor<Object, Object> cursor = keys.cursor(start(leading, size));
        while (cursor.hasNext()) {
            KeyValue key = (KeyValue) cursor.next();
            if (!startsWith(key, leading, size)) {
                break;
            }
            positions.add(cursor.getValue());
        }
        return positions;
    }

    /**
     * How many documents match a query that asks only for text or true or false in the index's
     * first fields, every one of them; empty for any other query. Read from the keys alone: with no
     * other condition, every document in the stretch matches.
     */
    static OptionalLong count(MVMap<Object, Object> keys, Document query, List<String> fields, int size) {
        if (query.isEmpty() || query.keySet().stream().anyMatch(field -> field.startsWith("$"))
                || !query.values().stream().allMatch(value -> value instanceof String || value instanceof Boolean)) {
            return OptionalLong.empty();
        }
        List<Object> leading = required(query, fields);
        if (leading.size() != query.size()) {
            return OptionalLong.empty();
        }
        if (leading.size() < fields.size()) {
            // a document with an array in a field left open has a key for each element of it
            return OptionalLong.of(positions(keys, leading, size).size());
        }
        long count = 0;
        Cursor<Object, Object> cursor = keys.cursor(start(leading, size));
        while (cursor.hasNext() && startsWith((KeyValue) cursor.next(), leading, size)) {
            count++;
        }
        return OptionalLong.of(count);
    }

    /** The lowest key of {@code size} parts that starts with {@code leading}. */
    private static KeyValue start(List<Object> leading, int size) {
        Object[] from = new Object[size];
        for (int i = 0; i < size; i++) {
            from[i] = i < leading.size() ? leading.get(i) : MinKey.getInstance();
        }
        return new KeyValue(from);
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
}
