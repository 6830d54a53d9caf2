package uk.mentoring.analytics.progress;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import uk.mentoring.contracts.WithinPairing;
import uk.mentoring.kit.events.ReceivedEvent;

/**
 * Pairings' histories folded in memory from a list of events, with the same facts the stored
 * histories are made of: for an auditor's replay of a mentee's record as it stood at a moment.
 */
public final class PairingHistoryFold {

    private PairingHistoryFold() {
    }

    /** The known pairings the events tell of, in the order they were first mentioned. */
    public static List<PairingHistory> of(List<ReceivedEvent> events) {
        Map<String, Document> pairings = new LinkedHashMap<>();
        for (ReceivedEvent event : events) {
            if (!(event.data() instanceof WithinPairing within)) {
                continue;
            }
            Document pairing = pairings.computeIfAbsent(within.pairingId().toString(), id -> new Document("_id", id));
            PairingHistoryProjection.facts(event, within).forEach((path, value) -> put(pairing, path, value));
            pairing.put("schoolId", within.schoolId().toString());
            pairing.put("mentorId", within.mentorId().toString());
            pairing.put("menteeId", within.menteeId().toString());
        }
        return pairings.values().stream().map(PairingHistories::history).filter(PairingHistory::isKnown).toList();
    }

    /** Sets a dotted path, as MongoDB's {@code $set} does. */
    private static void put(Document document, String path, Object value) {
        String[] parts = path.split("\\.");
        Document at = document;
        for (int i = 0; i < parts.length - 1; i++) {
            Object next = at.get(parts[i]);
            if (!(next instanceof Document)) {
                next = new Document();
                at.put(parts[i], next);
            }
            at = (Document) next;
        }
        at.put(parts[parts.length - 1], value);
    }
}
