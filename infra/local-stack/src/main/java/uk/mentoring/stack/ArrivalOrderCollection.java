package uk.mentoring.stack;

import java.util.concurrent.atomic.AtomicLong;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

/**
 * A collection whose documents lie in the file in the order they arrived, each under a number,
 * where the library keeps each under its id. The views' and services' ids are mostly random UUIDs:
 * keyed by them, every new document landed on a page of its own, and the file store writes every
 * page a change touched, ten times a second; filling a view of 50,000 mentees rewrote most of its
 * pages at each of those writes. Numbered, new documents fill the last page. Like MongoDB's, the
 * natural order is then the order of arrival.
 *
 * <p>The indexes, the one on {@code _id} among them, hold each document's number, so finding a
 * document by its id is as before. Documents an earlier build stored under their ids stay there
 * and are found the same way; numbering starts above every number among those ids, so a new
 * document can never take the place of one of them. In the natural order those documents come
 * after the numbered ones (numbers sort before text), except any under a number of their own.
 * A file written this way is not for earlier builds: their indexes that are not unique take a
 * document's id for its place, and removals would fail.
 */
final class ArrivalOrderCollection extends H2Collection {

    /** Numbers past this are not used; a collection holding such an id as a key keeps the library's keys. */
    private static final double HIGHEST_START = 1L << 53;

    private final MVMap<Object, Document> documents;
    private final AtomicLong lastNumber;

    ArrivalOrderCollection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> documents,
                           MVMap<String, Object> sizes, CursorRegistry cursors) {
        super(database, name, options, documents, sizes, cursors);
        this.documents = documents;
        this.lastNumber = lastNumber(documents);
    }

    @Override
    protected Object addDocumentInternal(Document document) {
        if (lastNumber == null) {
            return super.addDocumentInternal(document);
        }
        Long number = lastNumber.incrementAndGet();
        documents.put(number, document);
        return number;
    }

    /**
     * The highest number a document is kept under: a number given here, or the id of a document an
     * earlier build kept under its id. The keys are in MongoDB's order, where every number sorts
     * below every other kind of value and numbers of all types compare as numbers.
     */
    private static AtomicLong lastNumber(MVMap<Object, Document> documents) {
        Object highest = documents.floorKey(Double.POSITIVE_INFINITY);
        if (!(highest instanceof Number)) {
            return new AtomicLong();
        }
        double value = ((Number) highest).doubleValue();
        if (!(value < HIGHEST_START)) {
            return null;
        }
        return new AtomicLong(Math.max(0, (long) Math.ceil(value)));
    }
}
