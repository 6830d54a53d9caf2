package uk.mentoring.stack;

import java.util.OptionalLong;

import de.bwaldvogel.mongo.bson.Document;

/** An index of the embedded server that can count the documents a query matches from its keys alone. */
interface CountingIndex {

    /** How many documents match, when the query asks only for text or true or false in the index's first fields; empty otherwise. */
    OptionalLong count(Document query);
}
