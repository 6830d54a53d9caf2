package uk.mentoring.pairing.people;

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
 * One registration per person and role across the trust, by email address. A teacher moving
 * school stays the same person; registering them again would split their history.
 *
 * <p>The address is kept only as a keyed hash. A claim is taken before the registration is
 * recorded and given back if recording fails; a claim left behind by a crash in between is
 * taken over once it is clearly stale (its person never reached the event store).
 */
@Component
public class PersonRegister {

    static final Duration STALE_AFTER = Duration.ofMinutes(1);

    private final MongoCollection<Document> claims;
    private final EventStore events;
    private final SecretKeySpec key;
    private final Clock clock;

    @Autowired
    PersonRegister(MongoDatabase serviceDatabase, EventStore events,
                   @Value("${mentoring.people.email-hash-key}") String emailHashKey) {
        this(serviceDatabase, events, emailHashKey, Clock.systemUTC());
    }

    PersonRegister(MongoDatabase serviceDatabase, EventStore events, String emailHashKey, Clock clock) {
        this.claims = serviceDatabase.getCollection("person_register");
        this.events = events;
        this.key = new SecretKeySpec(emailHashKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
    }

    /** Who already holds this role under this address, if anyone does. */
    public Optional<Holder> holderOf(Role role, String email) {
        Document claim = claims.find(eq("_id", claimId(role, email))).first();
        return Optional.ofNullable(claim).map(Holder::of);
    }

    /**
     * Claims the address for this person.
     *
     * @return empty when the claim is taken, or who holds it already
     */
    public Optional<Holder> claim(Role role, String email, UUID personId, UUID schoolId) {
        String id = claimId(role, email);
        Document claim = new Document("_id", id).append("personId", personId.toString())
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
            return claim(role, email, personId, schoolId);
        }
        Holder holder = Holder.of(existing);
        if (isStale(role, existing, holder)) {
            claims.replaceOne(and(eq("_id", id), eq("personId", holder.personId().toString())), claim, new ReplaceOptions());
            return Optional.empty();
        }
        return Optional.of(holder);
    }

    /** Gives the address back after the registration could not be recorded. */
    public void release(Role role, String email, UUID personId) {
        claims.deleteOne(and(eq("_id", claimId(role, email)), eq("personId", personId.toString())));
    }

    private boolean isStale(Role role, Document claim, Holder holder) {
        Instant claimedAt = Instant.parse(claim.getString("claimedAt"));
        return claimedAt.plus(STALE_AFTER).isBefore(clock.instant())
                && events.lastSequenceNumberFor(role.aggregateId(holder.personId())).isEmpty();
    }

    private String claimId(Role role, String email) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return role.name() + ":" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    public enum Role {
        MENTOR, MENTEE;

        String aggregateId(UUID personId) {
            return this == MENTOR ? AggregateIds.mentor(personId) : AggregateIds.mentee(personId);
        }
    }

    /** The person registered under an address, and their school. */
    public record Holder(UUID personId, UUID schoolId) {
        static Holder of(Document claim) {
            return new Holder(UUID.fromString(claim.getString("personId")), UUID.fromString(claim.getString("schoolId")));
        }
    }
}
