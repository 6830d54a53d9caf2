package uk.mentoring.stack;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * Keys of the embedded server's B-trees (index keys and documents' ids) ordered by their
 * values. H2's general type orders anything it does not know, an ObjectId or a compound key, by
 * serialising both sides of every comparison; a single lookup in a large index then costs dozens
 * of serialisations, and that was most of the server's work under load. Keys are written field by
 * field too, except the rare kinds that are serialised as before.
 *
 * <p>A lookup needs the order to be total and to agree with {@code equals}: MongoDB's own order of
 * values first, and for the rare values it calls equal that are not (an int and a long of the same
 * number), the type and then the serialised form. Reading by leading fields
 * ({@link LeadingValues}) needs two things more: compound keys of one size compare field by
 * field, so keys that share their first values lie side by side, and MongoDB's MinKey comes before
 * every value, so a stretch can start below all of them. Files keep their trees in this order: it
 * cannot change without a new layout mark ({@link EmbeddedMongo}).
 */
final class ValueOrder extends BasicDataType<Object> {

    private static final ValueComparator MONGODB_ORDER = ValueComparator.ascWithoutListHandling();

    // how a key is written: one value, several, or serialised
    private static final byte SINGLE = 1;
    private static final byte COMPOUND = 2;
    private static final byte SERIALISED = 3;
    // the kind of each value written field by field
    private static final byte NULL = 0;
    private static final byte TEXT = 1;
    private static final byte INT = 2;
    private static final byte LONG = 3;
    private static final byte DOUBLE = 4;
    private static final byte TRUE = 5;
    private static final byte FALSE = 6;
    private static final byte OBJECT_ID = 7;
    private static final byte INSTANT = 8;

    private final ObjectDataType serialised = new ObjectDataType();

    @Override
    public int compare(Object a, Object b) {
        return compareValues(a, b);
    }

    private static int compareKeys(KeyValue a, KeyValue b) {
        int size = Integer.compare(a.size(), b.size());
        if (size != 0) {
            return size;
        }
        for (int i = 0; i < a.size(); i++) {
            int order = compareValues(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    private static int compareValues(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        // ids and index keys are mostly text, and documents' places numbers: MongoDB's comparator
        // orders two of those as Java does, after first looking up both types' rank
        if (a instanceof String && b instanceof String) {
            return ((String) a).compareTo((String) b);
        }
        if (a instanceof Long && b instanceof Long) {
            return Long.compare((Long) a, (Long) b);
        }
        int order = kind(a) - kind(b);
        if (order != 0) {
            return order;
        }
        // compared part by part once, rather than for equality first and then again for order
        if (a instanceof KeyValue) {
            return compareKeys((KeyValue) a, (KeyValue) b);
        }
        if (Objects.equals(a, b)) {
            return 0;
        }
        order = MONGODB_ORDER.compare(a, b);
        if (order != 0) {
            return order;
        }
        order = a.getClass().getName().compareTo(b.getClass().getName());
        return order != 0 ? order : Arrays.compareUnsigned(ObjectDataType.serialize(a), ObjectDataType.serialize(b));
    }

    /** Compound keys after single values, so that the two never meet in MongoDB's comparator. */
    private static int kind(Object value) {
        return value instanceof KeyValue ? 1 : 0;
    }

    @Override
    public int getMemory(Object value) {
        if (value instanceof KeyValue) {
            int size = 48;
            for (Object part : (KeyValue) value) {
                size += 8 + BsonDocuments.estimate(part);
            }
            return size;
        }
        return BsonDocuments.estimate(value);
    }

    @Override
    public void write(WriteBuffer buffer, Object value) {
        if (!carriedAsIs(value)) {
            buffer.put(SERIALISED);
            serialised.write(buffer, value);
        } else if (value instanceof KeyValue) {
            KeyValue key = (KeyValue) value;
            buffer.put(COMPOUND).putVarInt(key.size());
            key.forEach(part -> writeValue(buffer, part));
        } else {
            buffer.put(SINGLE);
            writeValue(buffer, value);
        }
    }

    @Override
    public Object read(ByteBuffer buffer) {
        byte mark = buffer.get();
        if (mark == SERIALISED) {
            return serialised.read(buffer);
        }
        if (mark == SINGLE) {
            return readValue(buffer);
        }
        Object[] parts = new Object[DataUtils.readVarInt(buffer)];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = readValue(buffer);
        }
        return new KeyValue(parts);
    }

    /**
     * Keys must read back equal to what was written, or their documents could not be found again;
     * these kinds are written field by field and are nearly all the keys there are. Anything else
     * is serialised.
     */
    private static boolean carriedAsIs(Object value) {
        if (value instanceof KeyValue) {
            KeyValue key = (KeyValue) value;
            for (int i = 0; i < key.size(); i++) {
                if (!carriedAsIs(key.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return value == null || value instanceof String || value instanceof Integer || value instanceof Long || value instanceof Double
                || value instanceof Boolean || value instanceof ObjectId || value instanceof Instant;
    }

    private static void writeValue(WriteBuffer buffer, Object value) {
        if (value == null) {
            buffer.put(NULL);
        } else if (value instanceof String) {
            String text = (String) value;
            buffer.put(TEXT).putVarInt(text.length()).putStringData(text, text.length());
        } else if (value instanceof Integer) {
            buffer.put(INT).putInt((Integer) value);
        } else if (value instanceof Long) {
            buffer.put(LONG).putLong((Long) value);
        } else if (value instanceof Double) {
            buffer.put(DOUBLE).putDouble((Double) value);
        } else if (value instanceof Boolean) {
            buffer.put(((Boolean) value) ? TRUE : FALSE);
        } else if (value instanceof ObjectId) {
            buffer.put(OBJECT_ID).put(((ObjectId) value).toByteArray());
        } else {
            Instant instant = (Instant) value;
            buffer.put(INSTANT).putLong(instant.getEpochSecond()).putInt(instant.getNano());
        }
    }

    private static Object readValue(ByteBuffer buffer) {
        byte kind = buffer.get();
        switch (kind) {
            case NULL:
                return null;
            case TEXT:
                return DataUtils.readString(buffer, DataUtils.readVarInt(buffer));
            case INT:
                return buffer.getInt();
            case LONG:
                return buffer.getLong();
            case DOUBLE:
                return buffer.getDouble();
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            case OBJECT_ID:
                byte[] id = new byte[12];
                buffer.get(id);
                return new ObjectId(id);
            case INSTANT:
                return Instant.ofEpochSecond(buffer.getLong(), buffer.getInt());
            default:
                throw new IllegalStateException("A key in the store's file has an unknown kind " + kind + "; the file is damaged");
        }
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
