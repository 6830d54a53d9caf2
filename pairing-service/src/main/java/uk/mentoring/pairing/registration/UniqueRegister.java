package uk.mentoring.pairing.registration;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import uk.mentoring.pairing.AggregateIds;

/**
 * What must be unique across the trust: a mentor's and a mentee's email address (a teacher moving
 * school stays the same person; registering them again would split their history) and a school's
 * unique reference number.
 *
 * <p>Values are kept only as keyed hashes. A claim is taken before the registration is recorded
 * and given back if recording fails; a claim left behind by a crash in between is taken over once
 * it is clearly stale (its holder never reached the event store).
 */
@Component
public class UniqueRegister {

    static final Duration STALE_AFTER = Duration.ofMinutes(1);

    private final MongoCollection<Document> claims;
    private final EventStore events;
    private final SecretKeySpec key;
    private final Clock clock;

    @Autowired
    UniqueRegister(MongoDatabase serviceDatabase, EventStore events,
                   @Value("${mentoring.registration.hash-key}") String hashKey) {
        this(serviceDatabase, events, hashKey, Clock.systemUTC());
    }

    UniqueRegister(MongoDatabase serviceDatabase, EventStore events, String hashKey, Clock clock) {
        this.claims = serviceDatabase.getCollection("unique_register");
        this.events = events;
        this.key = new SecretKeySpec(hashKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
    }

    /** Who already holds this value, if anyone does. */
    public Optional<Holder> holderOf(Kind kind, String value) {
        Document claim = claims.find(eq("_id", claimId(kind, value))).first();
        return Optional.ofNullable(claim).map(Holder::of);
    }

    /**
     * Claims the value for this holder.
     *
     * @return empty when the claim is taken, or who holds it already
     */
    public Optional<Holder> claim(Kind kind, String value, UUID holderId, UUID schoolId) {
        String id = claimId(kind, value);
        Document claim = new Document("_id", id).append("holderId", holderId.toString())
                .append("schoolId", schoolId.toString()).append("claimedAt", clock.instant().toString());
        try {
            claims.insertOne(claim);
            return Optional.empty();
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        Document existing = claims.find(eq("_id", id)).first();
        if (existing == null) {
            return claim(kind, value, holderId, schoolId);
        }
        Holder holder = Holder.of(existing);
        if (isStale(kind, existing, holder)) {
            claims.replaceOne(and(eq("_id", id), eq("holderId", holder.holderId().toString())), claim, new ReplaceOptions());
            return Optional.empty();
        }
        return Optional.of(holder);
    }

    /** Gives the value back after the registration could not be recorded. */
    public void release(Kind kind, String value, UUID holderId) {
        claims.deleteOne(and(eq("_id", claimId(kind, value)), eq("holderId", holderId.toString())));
    }

    /** Gives back everything a forgotten person held, so not even a keyed hash of their address stays. */
    public void releaseAllHeldBy(UUID holderId) {
        claims.deleteMany(eq("holderId", holderId.toString()));
    }

    private boolean isStale(Kind kind, Document claim, Holder holder) {
        Instant claimedAt = Instant.parse(claim.getString("claimedAt"));
        return claimedAt.plus(STALE_AFTER).isBefore(clock.instant())
                && events.lastSequenceNumberFor(kind.aggregateId(holder.holderId())).isEmpty();
    }

    private String claimId(Kind kind, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(value.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return kind.name() + ":" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What is kept unique. */
    public enum Kind {
        MENTOR_EMAIL, MENTEE_EMAIL, SCHOOL_URN;

        String aggregateId(UUID holderId) {
            return switch (this) {
                case MENTOR_EMAIL -> AggregateIds.mentor(holderId);
                case MENTEE_EMAIL -> AggregateIds.mentee(holderId);
                case SCHOOL_URN -> AggregateIds.school(holderId);
            };
        }
    }

    /** Who holds a value, and their school. */
    public record Holder(UUID holderId, UUID schoolId) {
        static Holder of(Document claim) {
            return new Holder(UUID.fromString(claim.getString("holderId")), UUID.fromString(claim.getString("schoolId")));
        }
    }
}
