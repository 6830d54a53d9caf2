package uk.mentoring.analytics.progress;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Which set of collections the views are read from. A rebuild fills a new generation while the
 * active one keeps answering; live events go to both meanwhile; then the new one becomes active.
 * Generation 0 uses the plain collection names; generation n appends {@code _g<n>}. Every
 * instance of the service reads the same record, looked up again at most every {@link #FRESHNESS}.
 */
@Component
public class ViewGenerations {

    /** How stale an instance's idea of the generations may be; a rebuild lasts at least twice this. */
    public static final Duration FRESHNESS = Duration.ofMillis(500);

    private static final String ID = "progress";
    private static final List<String> VIEWS = List.of(Collections.SCHOOLS, Collections.MENTORS, Collections.MENTEES, Collections.PAIRINGS,
            Collections.FORGOTTEN_MENTEES);

    private final MongoDatabase database;
    private final MongoCollection<Document> generations;
    private final Clock clock;
    private final Map<String, MongoCollection<Document>> prepared = new ConcurrentHashMap<>();
    private volatile State state;
    private volatile Instant readAt = Instant.MIN;

    @Autowired
    ViewGenerations(MongoDatabase serviceDatabase) {
        this(serviceDatabase, Clock.systemUTC());
    }

    ViewGenerations(MongoDatabase serviceDatabase, Clock clock) {
        this.database = serviceDatabase;
        this.generations = serviceDatabase.getCollection("view_generations");
        this.clock = clock;
    }

    /** The generation dashboards read, and the one being built if a rebuild is running. */
    public record State(int active, Integer building) {

        List<Integer> receiving() {
            return building == null ? List.of(active) : List.of(active, building);
        }
    }

    public State state() {
        Instant now = clock.instant();
        if (state == null || now.isAfter(readAt.plus(FRESHNESS))) {
            Document found = generations.find(eq("_id", ID)).first();
            state = found == null ? new State(0, null) : new State(found.getInteger("active", 0), found.getInteger("building"));
            readAt = now;
        }
        return state;
    }

    /** The generations live events are written to. */
    List<Integer> receiving() {
        return state().receiving();
    }

    MongoCollection<Document> active(String view) {
        return collection(view, state().active());
    }

    MongoCollection<Document> collection(String view, int generation) {
        return prepared.computeIfAbsent(name(view, generation), name -> {
            MongoCollection<Document> collection = database.getCollection(name);
            if (view.equals(Collections.PAIRINGS)) {
                collection.createIndex(Indexes.ascending("schoolId"));
                collection.createIndex(Indexes.ascending("menteeId"));
                collection.createIndex(Indexes.ascending("mentorId"));
            } else if (view.equals(Collections.MENTEES) || view.equals(Collections.MENTORS) || view.equals(Collections.FORGOTTEN_MENTEES)) {
                collection.createIndex(Indexes.ascending("schoolId"));
            }
            return collection;
        });
    }

    /**
     * Starts building the next generation, unless one is being built already. The generation
     * before the active one is dropped now, not at the switch, so an instance still reading it in
     * the moment after a switch never finds it gone.
     */
    public Optional<Integer> startBuilding() {
        State current = refresh();
        if (current.building() != null) {
            return Optional.empty();
        }
        int next = current.active() + 1;
        try {
            if (generations.find(eq("_id", ID)).first() == null) {
                generations.insertOne(new Document("_id", ID).append("active", current.active()).append("building", next));
            } else if (generations.updateOne(and(eq("_id", ID), eq("building", null)), Updates.set("building", next)).getModifiedCount() == 0) {
                return Optional.empty();
            }
        } catch (MongoWriteException raced) {
            if (raced.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return Optional.empty();
            }
            throw raced;
        }
        drop(next);
        for (int old = 0; old < current.active(); old++) {
            drop(old);
        }
        refresh();
        return Optional.of(next);
    }

    /** Makes a built generation the one read. */
    public void switchTo(int generation) {
        generations.updateOne(and(eq("_id", ID), eq("building", generation)), Updates.combine(Updates.set("active", generation), Updates.set("building", null)));
        refresh();
    }

    /** Gives up a generation that could not be built; the active one stays. */
    public void abandon(int generation) {
        generations.updateOne(and(eq("_id", ID), eq("building", generation)), Updates.set("building", null));
        refresh();
    }

    private State refresh() {
        readAt = Instant.MIN;
        return state();
    }

    private void drop(int generation) {
        List<String> existing = database.listCollectionNames().into(new ArrayList<>());
        VIEWS.stream().map(view -> name(view, generation)).forEach(name -> {
            prepared.remove(name);
            if (existing.contains(name)) {
                database.getCollection(name).drop();
            }
        });
    }

    private static String name(String view, int generation) {
        return generation == 0 ? view : view + "_g" + generation;
    }
}
