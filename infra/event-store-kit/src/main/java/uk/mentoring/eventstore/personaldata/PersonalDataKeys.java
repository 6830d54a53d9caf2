package uk.mentoring.eventstore.personaldata;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoServerException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndReplaceOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.slf4j.LoggerFactory;

/**
 * One key per person, held by this service alone: the key that seals the personal data this
 * service records about them. Forgetting a person destroys their key, which leaves everything
 * sealed with it unreadable, wherever copies went (event store, Kafka, other services' stores).
 *
 * <p>Keys are stored wrapped with the service's master key, so a copy of the database alone
 * reveals nothing. A forgotten person keeps a tombstone instead of a key: nothing is sealed for
 * them again, anything new about them is recorded as erased. Keys are kept in memory for a short
 * while; an instance that did not take the request to forget drops its copy within that time.
 */
public class PersonalDataKeys {

    static final String COLLECTION = "personal_data_keys";
    private static final String KEY = "wrappedKey";
    private static final String FORGOTTEN_AT = "forgottenAt";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int RECALLED_AT_ONCE = 1_000;

    private final MongoCollection<Document> keys;
    private final SecretKey masterKey;
    private final Duration remembered;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<UUID, Held> held = new ConcurrentHashMap<>();

    /** A key, or its absence, as last read, and until when that may be trusted; forever once forgotten here. */
    private record Held(Optional<SecretKey> key, Instant until) {

        boolean forgotten() {
            return until.equals(Instant.MAX);
        }
    }

    /** The master key the demo configuration ships with: public, so a service using it says so loudly. */
    static final String DEMO_MASTER_KEY = "ZGVtby1vbmx5LW1hc3Rlci1rZXktMzItYnl0ZXMhISE=";

    public PersonalDataKeys(MongoDatabase serviceDatabase, String masterKeyBase64, Duration remembered, Clock clock) {
        if (DEMO_MASTER_KEY.equals(masterKeyBase64)) {
            LoggerFactory.getLogger(PersonalDataKeys.class).warn("Personal data keys are wrapped with the public demo master key: "
                    + "set PERSONAL_DATA_MASTER_KEY to a key of this service's own (32 random bytes, base64) before it holds real people");
        }
        this.keys = serviceDatabase.getCollection(COLLECTION);
        byte[] master = Base64.getDecoder().decode(masterKeyBase64);
        if (master.length != 32) {
            throw new IllegalArgumentException("mentoring.personal-data.master-key must be 32 bytes, base64-encoded (it is " + master.length + ")");
        }
        this.masterKey = new SecretKeySpec(master, "AES");
        this.remembered = remembered;
        this.clock = clock;
    }

    /** The key to seal this person's data with, made on first use; empty once they are forgotten. */
    public Optional<SecretKey> sealingKeyFor(UUID person) {
        Optional<Held> known = fresh(person);
        if (known.isPresent() && (known.get().key().isPresent() || known.get().forgotten())) {
            return known.get().key();
        }
        // one round trip whether the key exists or not: ours is kept only if there was none (nor a tombstone)
        Bson made = Updates.combine(Updates.setOnInsert(KEY, new Binary(wrap(person, newKey()))),
                Updates.setOnInsert("createdAt", clock.instant().toString()));
        Document stored;
        try {
            stored = keys.findOneAndUpdate(eq("_id", person.toString()), made,
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        } catch (MongoServerException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // another instance made the person's key at the same moment: use theirs
            stored = keys.find(eq("_id", person.toString())).first();
        }
        return remember(person, unwrap(person, stored));
    }

    /** The key that opens this person's data, if it still exists; never makes one. */
    public Optional<SecretKey> openingKeyFor(UUID person) {
        Optional<Held> known = fresh(person);
        if (known.isPresent()) {
            return known.get().key();
        }
        return remember(person, unwrap(person, keys.find(eq("_id", person.toString())).first()));
    }

    /**
     * Reads the keys of these people that are not in memory, in one round trip per thousand, so
     * that opening a view of many people does not look each key up on its own.
     */
    public void recall(Collection<UUID> people) {
        List<String> missing = people.stream().distinct().filter(person -> fresh(person).isEmpty()).map(UUID::toString).toList();
        for (int from = 0; from < missing.size(); from += RECALLED_AT_ONCE) {
            List<String> chunk = missing.subList(from, Math.min(missing.size(), from + RECALLED_AT_ONCE));
            Map<String, Document> stored = new HashMap<>();
            keys.find(in("_id", chunk)).forEach(document -> stored.put(document.getString("_id"), document));
            for (String person : chunk) {
                UUID id = UUID.fromString(person);
                remember(id, unwrap(id, stored.get(person)));
            }
        }
    }

    /**
     * Destroys the person's key for good and leaves a tombstone.
     *
     * @return whether a key was destroyed (false when there was none, or it was gone already)
     */
    public boolean forget(UUID person) {
        Document before = keys.findOneAndReplace(eq("_id", person.toString()),
                new Document("_id", person.toString()).append(FORGOTTEN_AT, clock.instant().toString()),
                new FindOneAndReplaceOptions().upsert(true));
        held.put(person, new Held(Optional.empty(), Instant.MAX));
        return before != null && before.get(KEY) != null;
    }

    private Optional<Held> fresh(UUID person) {
        Held known = held.get(person);
        if (known == null) {
            return Optional.empty();
        }
        if (known.until().isAfter(clock.instant())) {
            return Optional.of(known);
        }
        held.remove(person, known);
        return Optional.empty();
    }

    /** Keeps what was read for a while, but never over this instance's own forgetting, which may have happened meanwhile. */
    private Optional<SecretKey> remember(UUID person, Optional<SecretKey> key) {
        Held kept = held.merge(person, new Held(key, clock.instant().plus(remembered)), (old, fresh) -> old.forgotten() ? old : fresh);
        if (held.size() > 10_000) {
            // keys read once and never again must not stay in memory
            Instant now = clock.instant();
            held.values().removeIf(entry -> !entry.forgotten() && !entry.until().isAfter(now));
        }
        return kept.key();
    }

    private SecretKey newKey() {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return new SecretKeySpec(key, "AES");
    }

    private byte[] wrap(UUID person, SecretKey key) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, masterKey, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(person.toString().getBytes(StandardCharsets.US_ASCII));
            byte[] wrapped = cipher.doFinal(key.getEncoded());
            return ByteBuffer.allocate(iv.length + wrapped.length).put(iv).put(wrapped).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not wrap a personal data key", e);
        }
    }

    private Optional<SecretKey> unwrap(UUID person, Document stored) {
        if (stored == null || stored.get(KEY) == null) {
            return Optional.empty();
        }
        byte[] wrapped = stored.get(KEY, Binary.class).getData();
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, masterKey, new GCMParameterSpec(TAG_BITS, wrapped, 0, IV_BYTES));
            cipher.updateAAD(person.toString().getBytes(StandardCharsets.US_ASCII));
            return Optional.of(new SecretKeySpec(cipher.doFinal(wrapped, IV_BYTES, wrapped.length - IV_BYTES), "AES"));
        } catch (GeneralSecurityException e) {
            // never the key itself in a message: only whose it was
            throw new IllegalStateException("the personal data key of " + person + " does not open with this service's master key", e);
        }
    }
}
