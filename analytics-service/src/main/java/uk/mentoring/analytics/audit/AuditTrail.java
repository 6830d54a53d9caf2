package uk.mentoring.analytics.audit;

import static com.mongodb.client.model.Filters.eq;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import uk.mentoring.contracts.EventType;
import uk.mentoring.contracts.MentoringEvent;
import uk.mentoring.contracts.PublishedLanguage;
import uk.mentoring.contracts.RecordedBy;
import uk.mentoring.kit.events.EventJson;
import uk.mentoring.kit.events.ReceivedEvent;
import uk.mentoring.kit.time.WrittenInstants;

/**
 * Every event that concerns a mentee, from every service, appended to that mentee's trail as it
 * arrives and never changed. Each entry carries the hash of the one before it, so that altering,
 * removing or inserting an entry breaks the chain from that entry on.
 */
@Component
public class AuditTrail {

    static final String GENESIS = "0".repeat(64);

    private static final int HEADS_KEPT = 20_000;

    private static final Bson REPLAYED = Projections.include("sequence", "eventId", "cloudEventType", "recordedAt", "data");

    private final MongoCollection<Document> trail;
    private final Map<UUID, Head> heads = new ConcurrentHashMap<>();

    AuditTrail(MongoDatabase serviceDatabase) {
        this.trail = serviceDatabase.getCollection("audit_trail");
        trail.createIndex(Indexes.ascending("eventId"), new IndexOptions().unique(true));
        trail.createIndex(Indexes.ascending("menteeId", "sequence"), new IndexOptions().unique(true));
    }

    /**
     * One recorded event in a mentee's trail.
     *
     * @param sequence   its place in the trail, from 1, in the order the trail learnt of it
     * @param occurredAt when what it records happened
     * @param recordedAt when the service that owns it recorded it
     * @param recordedBy who made the request that recorded it, where a person did
     */
    public record Entry(UUID menteeId, long sequence, String eventId, String type, String cloudEventType, Instant occurredAt, Instant recordedAt,
                        Optional<RecordedBy> recordedBy, String data, String previousHash, String hash) {

        /** The event's data, as it was published. */
        public Map<String, Object> dataFields() {
            try {
                return EventJson.mapper().readValue(data, new TypeReference<Map<String, Object>>() { });
            } catch (JsonProcessingException e) {
                return Map.of("unreadable", data);
            }
        }

        /** This entry placed after the given end of its trail. */
        private Entry after(Head last) {
            return new Entry(menteeId, last.sequence() + 1, eventId, type, cloudEventType, occurredAt, recordedAt, recordedBy, data, last.hash(), null);
        }

        /**
         * The SHA-256 of the entry's fields, one a line. Who recorded it, where a person did, is
         * two lines more (their person id, empty where the token named none, and their roles):
         * entries that name nobody are hashed as they were before the platform recorded who.
         */
        String computedHash() {
            String hashed = String.join("\n", Long.toString(sequence), eventId, cloudEventType, occurredAt.toString(), recordedAt.toString(),
                    data, previousHash);
            return sha256(recordedBy.map(who -> String.join("\n", hashed, who.personId().map(UUID::toString).orElse(""), who.rolesText()))
                    .orElse(hashed));
        }
    }

    /** Appends the event to its mentee's trail, once: an event already there is left alone. */
    void append(ReceivedEvent event) {
        Optional<UUID> mentee = event.data().mentee();
        if (mentee.isPresent()) {
            place(unchained(mentee.get(), event));
        }
    }

    private void place(Entry unchained) {
        UUID mentee = unchained.menteeId();
        // a trail this instance has not written lately is most often a new one; if it is not, the
        // first entry collides and the stored end is read
        Head last = heads.getOrDefault(mentee, Head.EMPTY);
        while (true) {
            Entry entry = unchained.after(last);
            String hash = entry.computedHash();
            try {
                trail.insertOne(document(entry, hash));
                remember(mentee, new Head(entry.sequence(), hash));
                return;
            } catch (MongoWriteException taken) {
                if (taken.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw taken;
                }
                heads.remove(mentee);
                if (trail.find(eq("eventId", unchained.eventId())).first() != null) {
                    return; // this very event is in the trail already: delivered again, or appended by another instance
                }
                // this sequence number is taken by another event (written before, or by another instance or thread): append after the stored end
                last = storedHead(mentee);
            }
        }
    }

    /**
     * Appends a poll's events, in the order read, as {@link #append} would one by one, in a single
     * write when nothing is in the way: each entry follows the one before it in its mentee's trail
     * as this instance knows it, and the entries are inserted in order, stopping at the first that
     * collides (an event already there, a trail another instance or thread has written on). Those
     * before it are in their trails; it and those after it are appended one by one, which reads
     * the stored end where it must.
     */
    void appendAll(List<ReceivedEvent> events) {
        List<Placed> placed = new ArrayList<>(events.size());
        Map<UUID, Head> known = new HashMap<>();
        for (ReceivedEvent event : events) {
            Optional<UUID> mentee = event.data().mentee();
            if (mentee.isPresent()) {
                Entry unchained = unchained(mentee.get(), event);
                Entry entry = unchained.after(known.getOrDefault(mentee.get(), heads.getOrDefault(mentee.get(), Head.EMPTY)));
                String hash = entry.computedHash();
                Head end = new Head(entry.sequence(), hash);
                known.put(mentee.get(), end);
                placed.add(new Placed(unchained, end, document(entry, hash)));
            }
        }
        if (placed.isEmpty()) {
            return;
        }
        int written = placed.size();
        try {
            trail.insertMany(placed.stream().map(Placed::document).toList(), new InsertManyOptions().ordered(true));
        } catch (MongoBulkWriteException partly) {
            BulkWriteError first = partly.getWriteErrors().stream().min(Comparator.comparingInt(BulkWriteError::getIndex))
                    .filter(error -> error.getCategory() == ErrorCategory.DUPLICATE_KEY)
                    .orElseThrow(() -> partly);
            written = first.getIndex();
        }
        placed.subList(0, written).forEach(entry -> remember(entry.unchained().menteeId(), entry.end()));
        placed.subList(written, placed.size()).forEach(entry -> place(entry.unchained()));
    }

    /** An entry of a poll placed after the end of its trail as this instance knows it, and that end once it is written. */
    private record Placed(Entry unchained, Head end, Document document) {
    }

    /** The event as an entry of its mentee's trail, not yet placed in it. */
    private static Entry unchained(UUID menteeId, ReceivedEvent event) {
        String data;
        try {
            data = EventJson.mapper().writeValueAsString(event.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + event.id() + " cannot be written as JSON", e);
        }
        String type = PublishedLanguage.byCloudEventType(event.type()).map(EventType::name).orElse(event.type());
        Instant recordedAt = event.recordedAt().truncatedTo(ChronoUnit.MILLIS);
        Instant occurredAt = Occurrence.of(event.data(), recordedAt);
        return new Entry(menteeId, 0, event.id(), type, event.type(), occurredAt, recordedAt, event.recordedBy(), data, null, null);
    }

    /**
     * The end of a trail as this instance last wrote it, so that appending does not read the trail
     * back each time. A stale end is harmless: the next append collides on (mentee, sequence) and
     * reads the stored end instead. (The embedded MongoDB sorts in memory: reading the end means
     * reading the mentee's whole trail.)
     */
    private record Head(long sequence, String hash) {

        static final Head EMPTY = new Head(0, GENESIS);
    }

    private Head storedHead(UUID menteeId) {
        Document last = trail.find(eq("menteeId", menteeId.toString())).sort(Sorts.descending("sequence")).first();
        return last == null ? Head.EMPTY : new Head(last.getLong("sequence"), last.getString("hash"));
    }

    private void remember(UUID menteeId, Head head) {
        if (heads.size() >= HEADS_KEPT) {
            heads.clear();
        }
        heads.merge(menteeId, head, (known, later) -> later.sequence() > known.sequence() ? later : known);
    }

    /** The mentee's trail in the order it was written: the chain's order. */
    public List<Entry> chain(UUID menteeId) {
        List<Entry> entries = new ArrayList<>();
        trail.find(eq("menteeId", menteeId.toString())).forEach(document -> entries.add(entry(document)));
        // put in order here: the embedded MongoDB took longer to sort a long trail than to find it
        entries.sort(Comparator.comparingLong(Entry::sequence));
        return entries;
    }

    /**
     * The events of the mentee's trail recorded by {@code until}, in the chain's order: what a
     * state is folded from. The chain's hashes and what only a history shows are left in the
     * store: on the embedded MongoDB, encoding the documents was most of the store's work for a
     * long trail.
     * Entries of a kind this version does not know are passed over.
     */
    public List<ReceivedEvent> events(UUID menteeId, Instant until) {
        List<Document> recorded = new ArrayList<>();
        trail.find(eq("menteeId", menteeId.toString())).projection(REPLAYED).forEach(recorded::add);
        recorded.sort(Comparator.comparingLong(document -> document.getLong("sequence")));
        List<ReceivedEvent> events = new ArrayList<>(recorded.size());
        for (Document document : recorded) {
            Instant recordedAt = WrittenInstants.parse(document.getString("recordedAt"));
            if (recordedAt.isAfter(until)) {
                continue;
            }
            String cloudEventType = document.getString("cloudEventType");
            Optional<EventType> type = PublishedLanguage.byCloudEventType(cloudEventType);
            if (type.isEmpty()) {
                continue;
            }
            try {
                MentoringEvent event = EventJson.mapper().readValue(document.getString("data"), type.get().javaType());
                events.add(new ReceivedEvent(document.getString("eventId"), cloudEventType, recordedAt, event, Optional.empty()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("entry " + document.getLong("sequence") + " of mentee " + menteeId + " does not read as "
                        + type.get().name(), e);
            }
        }
        return events;
    }

    /** Whether the mentee has a trail at all. */
    public boolean holds(UUID menteeId) {
        return trail.find(eq("menteeId", menteeId.toString())).projection(Projections.include("_id")).first() != null;
    }

    /** The mentee's history in the order things happened, as it stood at {@code until}. */
    public List<Entry> history(UUID menteeId, Instant until) {
        return chain(menteeId).stream().filter(entry -> !entry.recordedAt().isAfter(until))
                .sorted(Comparator.comparing(Entry::occurredAt).thenComparing(Entry::recordedAt).thenComparing(Entry::sequence))
                .toList();
    }

    /** Recomputes the chain; names the first entry that does not fit it. */
    public Verification verify(UUID menteeId) {
        List<Entry> entries = chain(menteeId);
        String previous = GENESIS;
        long expected = 1;
        for (Entry entry : entries) {
            if (entry.sequence() != expected) {
                return Verification.broken(menteeId, entries.size(), entry, "entry " + expected + " is missing");
            }
            if (!entry.previousHash().equals(previous)) {
                return Verification.broken(menteeId, entries.size(), entry, "it does not follow from the entry before it");
            }
            if (!entry.hash().equals(entry.computedHash())) {
                return Verification.broken(menteeId, entries.size(), entry, "its content has changed since it was recorded");
            }
            previous = entry.hash();
            expected++;
        }
        return new Verification(menteeId, entries.size(), true, entries.isEmpty() ? null : previous, null);
    }

    /**
     * The outcome of recomputing a trail's chain.
     *
     * @param lastHash   the hash that vouches for the whole trail, when it holds
     * @param firstBreak the first entry that does not fit, when it does not
     */
    public record Verification(UUID menteeId, int entries, boolean intact, String lastHash, Break firstBreak) {

        static Verification broken(UUID menteeId, int entries, Entry entry, String why) {
            return new Verification(menteeId, entries, false, null,
                    new Break(entry.sequence(), entry.eventId(), entry.type(), entry.occurredAt(), why));
        }
    }

    public record Break(long sequence, String eventId, String type, Instant occurredAt, String reason) {
    }

    private static Document document(Entry entry, String hash) {
        Document document = new Document("_id", entry.menteeId() + ":" + entry.sequence())
                .append("menteeId", entry.menteeId().toString())
                .append("sequence", entry.sequence())
                .append("eventId", entry.eventId())
                .append("type", entry.type())
                .append("cloudEventType", entry.cloudEventType())
                .append("occurredAt", entry.occurredAt().toString())
                .append("recordedAt", entry.recordedAt().toString())
                .append("data", entry.data())
                .append("previousHash", entry.previousHash())
                .append("hash", hash);
        entry.recordedBy().ifPresent(who -> {
            who.personId().ifPresent(id -> document.append("recordedByPersonId", id.toString()));
            document.append("recordedByRoles", who.rolesText());
        });
        return document;
    }

    private static Entry entry(Document document) {
        return new Entry(UUID.fromString(document.getString("menteeId")), document.getLong("sequence"), document.getString("eventId"),
                document.getString("type"), document.getString("cloudEventType"), WrittenInstants.parse(document.getString("occurredAt")),
                WrittenInstants.parse(document.getString("recordedAt")), recordedBy(document), document.getString("data"), document.getString("previousHash"),
                document.getString("hash"));
    }

    /**
     * Who recorded an entry, as stored; an entry stored before the platform recorded who names
     * nobody. A stored value altered into something else is read as it reads, and the entry's hash
     * no longer fits.
     */
    private static Optional<RecordedBy> recordedBy(Document document) {
        Object person = document.get("recordedByPersonId");
        Object roles = document.get("recordedByRoles");
        return RecordedBy.of(person == null ? null : person.toString(), roles == null ? null : roles.toString());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
