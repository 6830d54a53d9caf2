package uk.mentoring.stack;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * Documents written to the embedded server's file as BSON, the form they arrived in, instead of
 * by Java serialisation: several times less work each time the store writes or reads a page. A
 * document BSON cannot carry is written as before, marked so that it is read back the same way.
 */
final class BsonDocuments extends BasicDataType<Document> {

    private static final byte BSON = 1;
    private static final byte SERIALISED = 2;

    /** One growing buffer per writing thread: allocating one for each document cost more than the encoding. */
    private static final ThreadLocal<ByteBuf> ENCODING = ThreadLocal.withInitial(() -> Unpooled.buffer(4096));

    private final ObjectDataType serialised = new ObjectDataType();

    @Override
    public void write(WriteBuffer buffer, Document document) {
        if (!writeBson(buffer, document)) {
            buffer.put(SERIALISED);
            serialised.write(buffer, document);
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        return buffer.get() == SERIALISED ? (Document) serialised.read(buffer) : readBson(buffer);
    }

    /** Writes the document as BSON, or nothing if BSON cannot carry one of its values. */
    private static boolean writeBson(WriteBuffer buffer, Document document) {
        ByteBuf bson = ENCODING.get().clear();
        try {
            BsonEncoder.encodeDocument(document, bson);
        } catch (RuntimeException notBson) {
            return false;
        }
        buffer.put(BSON);
        buffer.putVarInt(bson.readableBytes());
        buffer.put(bson.nioBuffer());
        return true;
    }

    /** Reads what {@link #writeBson} wrote after its mark. */
    private static Document readBson(ByteBuffer buffer) {
        int length = DataUtils.readVarInt(buffer);
        ByteBuffer bson = buffer.slice();
        bson.limit(length);
        buffer.position(buffer.position() + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    /** The page cache's estimate of what a document holds in memory; a walk, not an encoding. */
    @Override
    public int getMemory(Document document) {
        return 64 + estimate(document);
    }

    static int estimate(Object value) {
        if (value instanceof Map) {
            int size = 48;
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                size += 32 + estimate(entry.getKey()) + estimate(entry.getValue());
            }
            return size;
        }
        if (value instanceof Collection) {
            int size = 32;
            for (Object element : (Collection<?>) value) {
                size += 8 + estimate(element);
            }
            return size;
        }
        if (value instanceof CharSequence) {
            return 40 + ((CharSequence) value).length();
        }
        if (value instanceof byte[]) {
            return 16 + ((byte[]) value).length;
        }
        return 24;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
