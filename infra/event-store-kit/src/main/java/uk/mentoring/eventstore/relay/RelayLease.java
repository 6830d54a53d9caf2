package uk.mentoring.eventstore.relay;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import java.time.Clock;
import java.time.Duration;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;

/**
 * Which instance of a service sweeps the event store for events nobody published. Only an
 * optimisation: two sweepers at once (say, when clocks disagree about an expiry) publish some
 * events twice, which consumers ignore, and never out of order.
 */
class RelayLease {

    private final MongoCollection<Document> leases;
    private final String name;
    private final String holder;
    private final Duration ttl;
    private final Clock clock;

    RelayLease(MongoCollection<Document> leases, String name, String holder, Duration ttl, Clock clock) {
        this.leases = leases;
        this.name = name;
        this.holder = holder;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** Takes or renews the lease; true while this instance holds it. */
    boolean acquire() {
        long now = clock.millis();
        try {
            Document lease = leases.findOneAndUpdate(
                    and(eq("_id", name), or(eq("holder", holder), lt("expiresAt", now))),
                    Updates.combine(Updates.set("holder", holder), Updates.set("expiresAt", now + ttl.toMillis())),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            return lease != null && holder.equals(lease.getString("holder"));
        } catch (MongoCommandException e) {
            if (e.getErrorCode() == 11000) {
                return false; // another instance holds it
            }
            throw e;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    void release() {
        leases.deleteOne(and(eq("_id", name), eq("holder", holder)));
    }
}
