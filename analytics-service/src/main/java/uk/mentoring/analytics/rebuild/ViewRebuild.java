package uk.mentoring.analytics.rebuild;

import static com.mongodb.client.model.Filters.eq;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import jakarta.annotation.PreDestroy;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import uk.mentoring.analytics.progress.ViewGenerations;
import uk.mentoring.analytics.progress.ViewProjection;
import uk.mentoring.kit.consuming.TopicReplay;
import uk.mentoring.kit.domain.RuleViolation;

/**
 * Rebuilds every view from the whole history on the topics, into a new generation of
 * collections, while the current views keep answering; switches over once the replay has caught
 * up with the topics. The rebuild's progress is kept in the database, so every instance of the
 * service can report it, and a rebuild whose instance stopped is seen as abandoned.
 */
@Component
public class ViewRebuild {

    private static final Logger log = LoggerFactory.getLogger(ViewRebuild.class);
    private static final Duration ABANDONED_AFTER = Duration.ofSeconds(30);
    private static final Duration REPORT_EVERY = Duration.ofMillis(250);

    private final ViewGenerations generations;
    private final List<ViewProjection> projections;
    private final TopicReplay replay;
    private final MongoCollection<Document> rebuilds;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "view-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    @Autowired
    ViewRebuild(ViewGenerations generations, List<ViewProjection> projections, TopicReplay replay, MongoDatabase serviceDatabase) {
        this(generations, projections, replay, serviceDatabase, Clock.systemUTC());
    }

    ViewRebuild(ViewGenerations generations, List<ViewProjection> projections, TopicReplay replay, MongoDatabase serviceDatabase, Clock clock) {
        this.generations = generations;
        this.projections = List.copyOf(projections);
        this.replay = replay;
        this.rebuilds = serviceDatabase.getCollection("view_rebuilds");
        this.clock = clock;
    }

    /** A rebuild as anyone may follow it. */
    public record Rebuild(int generation, State state, String requestedBy, Instant startedAt, Instant updatedAt, Instant finishedAt,
                          long eventsDone, long eventsTotal, Double eventsPerSecond, Long secondsLeft, String failure) {
    }

    public enum State { RUNNING, FINISHED, FAILED, ABANDONED }

    public Rebuild start(String requestedBy) {
        latest().filter(rebuild -> rebuild.state() == State.ABANDONED && generations.state().building() != null)
                .ifPresent(abandoned -> generations.abandon(abandoned.generation()));
        int generation = generations.startBuilding().orElseThrow(() -> RuleViolation.conflict("rebuild-running", "A rebuild is running",
                "The views are being rebuilt already; follow its progress at GET /api/admin/projections/rebuild."));
        Instant started = clock.instant();
        Rebuild rebuild = new Rebuild(generation, State.RUNNING, requestedBy, started, started, null, 0, 0, null, null, null);
        save(rebuild);
        worker.submit(() -> run(rebuild));
        return rebuild;
    }

    public Optional<Rebuild> latest() {
        return Optional.ofNullable(rebuilds.find().sort(Sorts.descending("_id")).first()).map(this::rebuild);
    }

    private void run(Rebuild started) {
        int generation = started.generation();
        Instant begun = clock.instant();
        Instant[] reported = {Instant.MIN};
        try {
            // live events reach the new generation once every instance has seen it being built;
            // until then the replay keeps reading, so nothing falls between the two
            Instant mayFinishAt = begun.plus(ViewGenerations.FRESHNESS.multipliedBy(3));
            long events = replay.replayInBatches(batch -> projections.forEach(projection -> projection.applyAll(batch, generation)),
                    (done, total) -> {
                        Instant now = clock.instant();
                        if (now.isAfter(reported[0].plus(REPORT_EVERY)) || done == total) {
                            reported[0] = now;
                            save(progress(started, begun, now, done, total, State.RUNNING, null));
                        }
                    },
                    () -> !clock.instant().isBefore(mayFinishAt));
            generations.switchTo(generation);
            Instant now = clock.instant();
            Rebuild finished = progress(started, begun, now, events, events, State.FINISHED, null);
            save(new Rebuild(generation, State.FINISHED, started.requestedBy(), started.startedAt(), now, now, finished.eventsDone(),
                    finished.eventsTotal(), finished.eventsPerSecond(), 0L, null));
            log.info("Views rebuilt from {} events in {} ms; generation {} now answers", events, Duration.between(begun, now).toMillis(), generation);
        } catch (RuntimeException failure) {
            generations.abandon(generation);
            Instant now = clock.instant();
            Rebuild current = latest().orElse(started);
            save(new Rebuild(generation, State.FAILED, started.requestedBy(), started.startedAt(), now, now, current.eventsDone(),
                    current.eventsTotal(), current.eventsPerSecond(), null, failure.getMessage()));
            log.error("Rebuilding the views failed; the current views stay", failure);
        }
    }

    private static Rebuild progress(Rebuild started, Instant begun, Instant now, long done, long total, State state, String failure) {
        double seconds = Math.max(0.001, Duration.between(begun, now).toMillis() / 1000.0);
        Double rate = done == 0 ? null : Math.round(done / seconds * 10) / 10.0;
        Long left = rate == null ? null : Math.round((total - done) / rate);
        return new Rebuild(started.generation(), state, started.requestedBy(), started.startedAt(), now, null, done, total, rate, left, failure);
    }

    private void save(Rebuild rebuild) {
        Document document = new Document("_id", rebuild.generation())
                .append("state", rebuild.state().name())
                .append("requestedBy", rebuild.requestedBy())
                .append("startedAt", rebuild.startedAt().toString())
                .append("updatedAt", rebuild.updatedAt().toString())
                .append("finishedAt", rebuild.finishedAt() == null ? null : rebuild.finishedAt().toString())
                .append("eventsDone", rebuild.eventsDone())
                .append("eventsTotal", rebuild.eventsTotal())
                .append("eventsPerSecond", rebuild.eventsPerSecond())
                .append("secondsLeft", rebuild.secondsLeft())
                .append("failure", rebuild.failure());
        rebuilds.replaceOne(eq("_id", rebuild.generation()), document, new ReplaceOptions().upsert(true));
    }

    private Rebuild rebuild(Document document) {
        State state = State.valueOf(document.getString("state"));
        Instant updated = Instant.parse(document.getString("updatedAt"));
        if (state == State.RUNNING && clock.instant().isAfter(updated.plus(ABANDONED_AFTER))) {
            state = State.ABANDONED;
        }
        String finished = document.getString("finishedAt");
        Number rate = document.get("eventsPerSecond", Number.class);
        Number left = document.get("secondsLeft", Number.class);
        return new Rebuild(document.getInteger("_id"), state, document.getString("requestedBy"), Instant.parse(document.getString("startedAt")),
                updated, finished == null ? null : Instant.parse(finished), document.get("eventsDone", Number.class).longValue(),
                document.get("eventsTotal", Number.class).longValue(), rate == null ? null : rate.doubleValue(),
                left == null ? null : left.longValue(), document.getString("failure"));
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
