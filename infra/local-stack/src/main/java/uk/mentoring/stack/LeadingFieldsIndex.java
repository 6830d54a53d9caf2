package uk.mentoring.stack;

import java.util.List;
import java.util.OptionalLong;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;
import org.h2.mvstore.MVMap;

/**
 * A unique index of the embedded server that also finds documents by its leading fields alone: a
 * mentee's audit trail by mentee, an aggregate's events by aggregate. The library answers from a
 * unique index only a query that names all of its fields, and reads the whole collection for any
 * other; one stretch of the tree answers instead ({@link LeadingValues}). Unsorted, the documents
 * come in the index's order rather than the collection's.
 */
final class LeadingFieldsIndex extends Index<Object> implements CountingIndex {

    private final Index<Object> unique;
    private final MVMap<Object, Object> keys;

    LeadingFieldsIndex(Index<Object> unique, MVMap<Object, Object> keys, boolean sparse) {
        super(unique.getName(), unique.getKeys(), sparse);
        this.unique = unique;
        this.keys = keys;
    }

    @Override
    public boolean canHandle(Document query) {
        return unique.canHandle(query) || !LeadingValues.required(query, keys()).isEmpty();
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        if (unique.canHandle(query)) {
            return unique.getPositions(query);
        }
        return LeadingValues.positions(keys, LeadingValues.required(query, keys()), keys().size());
    }

    @Override
    public OptionalLong count(Document query) {
        return LeadingValues.count(keys, query, keys(), keys().size());
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
