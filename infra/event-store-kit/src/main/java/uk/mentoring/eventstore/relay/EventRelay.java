package uk.mentoring.eventstore.relay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import uk.mentoring.contracts.CloudEventAttributes;
import uk.mentoring.contracts.MentoringEvent;
import uk.mentoring.contracts.RecordedBy;
import uk.mentoring.kit.events.EventJson;
import uk.mentoring.kit.events.KafkaHeaders;
import uk.mentoring.kit.events.PublishedEvent;

/**
 * Publishes every event stored in this service's event store to its Kafka topic, at least once,
 * and for each aggregate in sequence order.
 *
 * <p>How, without trusting timestamps:
 * <ul>
 *   <li>Right after an append, the stored events are handed to this relay (the fast path). A
 *       command never waits for Kafka.</li>
 *   <li>An event is marked published only after Kafka acknowledged it ({@code acks=all},
 *       idempotent producer). A crash between the two re-publishes it; consumers skip event ids
 *       they have seen.</li>
 *   <li>Event <i>n</i> of an aggregate is sent only once event <i>n-1</i> is marked published, or
 *       sent just before it by the same producer: first deliveries are in sequence order, whichever
 *       instance wrote which event and whatever their clocks say.</li>
 *   <li>Whatever the fast path missed (Kafka down, a crash, a full queue) stays marked unpublished
 *       in the store and is found by the sweep, which one instance at a time runs under a lease.</li>
 * </ul>
 * One thread does all publishing of an instance, so its own batches never overtake each other.
 */
public class EventRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventRelay.class);
    private static final int MAX_CHAIN = 10_000;
    private static final int MAX_DEFERRALS = 200;
    private static final Duration DEFERRAL_PAUSE = Duration.ofMillis(50);

    private final String topic;
    private final PublicationLedger ledger;
    private final RelayLease lease;
    private final Supplier<Producer<String, CloudEvent>> producers;
    private final Runnable ensureTopic;
    private final RelayProperties properties;
    private final BlockingQueue<StoredEvent> stored;
    private final Map<String, Long> sightings = new HashMap<>();
    private final ArrayDeque<Deferred> deferred = new ArrayDeque<>();

    private final Counter published;
    private final Counter failed;
    private final Counter overflowed;
    private final Counter swept;
    private final Counter deferrals;
    private final Timer lag;

    private volatile boolean running;
    private volatile Instant lastAcknowledged;
    private volatile String lastFailure;
    private Thread worker;
    private Producer<String, CloudEvent> producer;
    private boolean topicReady;
    private long nextSweep;

    public EventRelay(String topic, PublicationLedger ledger, RelayLease lease, Supplier<Producer<String, CloudEvent>> producers,
                      Runnable ensureTopic, RelayProperties properties, MeterRegistry meters) {
        this.topic = topic;
        this.ledger = ledger;
        this.lease = lease;
        this.producers = producers;
        this.ensureTopic = ensureTopic;
        this.properties = properties;
        this.stored = new ArrayBlockingQueue<>(properties.queueCapacity());
        this.published = meters.counter("mentoring.relay.events", "outcome", "published");
        this.failed = meters.counter("mentoring.relay.events", "outcome", "failed");
        this.overflowed = meters.counter("mentoring.relay.events", "outcome", "left-to-sweep");
        this.swept = meters.counter("mentoring.relay.events", "outcome", "swept");
        this.deferrals = meters.counter("mentoring.relay.events", "outcome", "deferred");
        this.lag = Timer.builder("mentoring.relay.lag").description("from storing an event to Kafka acknowledging it")
                .publishPercentiles(0.5, 0.99).register(meters);
        meters.gauge("mentoring.relay.queued", stored, BlockingQueue::size);
    }

    /** Hands freshly stored events to the relay; never blocks, never fails the command that stored them. */
    public void stored(List<StoredEvent> events) {
        for (StoredEvent event : events) {
            if (!stored.offer(event)) {
                overflowed.increment();
            }
        }
    }

    public Optional<Instant> lastAcknowledged() {
        return Optional.ofNullable(lastAcknowledged);
    }

    public Optional<String> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    public int queued() {
        return stored.size();
    }

    // ---- the relay thread ----

    private void run() {
        while (running) {
            try {
                List<StoredEvent> batch = new ArrayList<>();
                StoredEvent first = stored.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    stored.drainTo(batch, properties.batchSize() - 1);
                }
                List<Deferred> retries = dueDeferrals();
                if (System.nanoTime() >= nextSweep) {
                    nextSweep = System.nanoTime() + properties.sweepInterval().toNanos();
                    batch.addAll(sweep());
                }
                if (!batch.isEmpty() || !retries.isEmpty()) {
                    publish(batch, retries);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the store or Kafka is unavailable: nothing is lost, the sweep finds it all later
                lastFailure = Instant.now() + " " + rootCause(e);
                log.warn("Relay to {} paused: {}", topic, rootCause(e));
                pause(properties.sweepInterval());
            }
        }
    }

    /** Stored events this instance saw unpublished for longer than the grace period. */
    private List<StoredEvent> sweep() {
        if (!lease.acquire()) {
            sightings.clear();
            return List.of();
        }
        long now = System.nanoTime();
        List<StoredEvent> due = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (StoredEvent event : ledger.unpublished(properties.batchSize())) {
            seen.add(event.eventId());
            long firstSeen = sightings.computeIfAbsent(event.eventId(), id -> now);
            if (now - firstSeen >= properties.sweepGrace().toNanos()) {
                due.add(event);
            }
        }
        sightings.keySet().retainAll(seen);
        swept.increment(due.size());
        return due;
    }

    private void publish(List<StoredEvent> batch, List<Deferred> retries) {
        Map<String, List<StoredEvent>> byAggregate = new LinkedHashMap<>();
        Map<String, Integer> attempts = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (Deferred retry : retries) {
            attempts.merge(retry.aggregateId(), retry.attempts(), Math::max);
            retry.events().forEach(event -> add(byAggregate, ids, event));
        }
        batch.forEach(event -> add(byAggregate, ids, event));

        List<List<StoredEvent>> ready = new ArrayList<>();
        for (Map.Entry<String, List<StoredEvent>> group : byAggregate.entrySet()) {
            List<StoredEvent> events = group.getValue();
            events.sort(Comparator.comparingLong(StoredEvent::sequence));
            int attempt = attempts.getOrDefault(group.getKey(), 0);
            Optional<List<StoredEvent>> chain = readyToSend(events, attempt >= properties.deferrals());
            if (chain.isPresent()) {
                ready.add(chain.get());
            } else if (attempt >= MAX_DEFERRALS) {
                log.error("Events of aggregate {} wait for a predecessor that is not in the store; leaving them to the sweep", group.getKey());
            } else {
                deferrals.increment();
                deferred.add(new Deferred(group.getKey(), events, attempt + 1, System.nanoTime() + DEFERRAL_PAUSE.toNanos()));
            }
        }
        if (!ready.isEmpty()) {
            send(ready);
        }
    }

    /**
     * The events, possibly preceded by unpublished predecessors, when the first of them may be
     * sent now: it starts its aggregate, or its predecessor was acknowledged. Empty while the
     * predecessor is still on its way from another instance (we wait a little before publishing
     * it ourselves, which would only make a harmless duplicate).
     */
    private Optional<List<StoredEvent>> readyToSend(List<StoredEvent> events, boolean takeOverPredecessors) {
        LinkedList<StoredEvent> chain = new LinkedList<>(events);
        collapseGaps(chain);
        while (chain.getFirst().sequence() > 0) {
            StoredEvent first = chain.getFirst();
            Optional<PublicationLedger.Entry> previous = ledger.at(first.aggregateId(), first.sequence() - 1);
            if (previous.isEmpty()) {
                return Optional.empty();
            }
            if (previous.get().published()) {
                return Optional.of(chain);
            }
            if (!takeOverPredecessors || chain.size() >= MAX_CHAIN) {
                return Optional.empty();
            }
            chain.addFirst(previous.get().event());
        }
        return Optional.of(chain);
    }

    /** Keeps only the leading run of consecutive sequence numbers; the rest waits for the next round. */
    private void collapseGaps(LinkedList<StoredEvent> chain) {
        List<StoredEvent> rest = new ArrayList<>();
        for (int i = 1; i < chain.size(); i++) {
            if (!chain.get(i).follows(chain.get(i - 1))) {
                rest.addAll(chain.subList(i, chain.size()));
                break;
            }
        }
        if (!rest.isEmpty()) {
            chain.removeAll(rest);
            deferred.add(new Deferred(chain.getFirst().aggregateId(), rest, 0, System.nanoTime() + DEFERRAL_PAUSE.toNanos()));
        }
    }

    private void send(List<List<StoredEvent>> chains) {
        if (!topicReady) {
            ensureTopic.run();
            topicReady = true;
        }
        if (producer == null) {
            producer = producers.get();
        }
        Map<StoredEvent, Future<RecordMetadata>> sent = new LinkedHashMap<>();
        List<StoredEvent> internal = new ArrayList<>();
        boolean anyFailed = false;
        try {
            for (List<StoredEvent> chain : chains) {
                for (StoredEvent event : chain) {
                    Optional<ProducerRecord<String, CloudEvent>> record = record(event);
                    if (record.isPresent()) {
                        sent.put(event, producer.send(record.get()));
                    } else {
                        internal.add(event);
                    }
                }
            }
        } catch (RuntimeException e) {
            anyFailed = true;
            lastFailure = Instant.now() + " " + e.getMessage();
        }
        long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
        Set<StoredEvent> acknowledged = new HashSet<>(internal);
        for (Map.Entry<StoredEvent, Future<RecordMetadata>> send : sent.entrySet()) {
            try {
                send.getValue().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(send.getKey());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                anyFailed = true;
                break;
            } catch (Exception e) {
                anyFailed = true;
                lastFailure = Instant.now() + " " + e.getMessage();
            }
        }
        List<StoredEvent> toMark = new ArrayList<>();
        for (List<StoredEvent> chain : chains) {
            for (StoredEvent event : chain) {
                if (!acknowledged.contains(event)) {
                    break; // a later event of this aggregate is not marked before an earlier one
                }
                toMark.add(event);
            }
        }
        ledger.markPublished(toMark);
        Instant now = Instant.now();
        for (StoredEvent event : toMark) {
            lag.record(Duration.between(event.recordedAt(), now).abs());
        }
        published.increment(toMark.size());
        if (!toMark.isEmpty()) {
            lastAcknowledged = now;
        }
        if (anyFailed) {
            failed.increment(sent.size() + internal.size() - toMark.size());
            log.warn("Kafka did not acknowledge {} of {} events for {}; they stay in the store for the next sweep",
                    sent.size() + internal.size() - toMark.size(), sent.size() + internal.size(), topic);
            renewProducer();
        }
    }

    private Optional<ProducerRecord<String, CloudEvent>> record(StoredEvent event) {
        Class<?> type;
        try {
            type = Class.forName(event.payloadType(), false, getClass().getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("stored event " + event.eventId() + " has unknown type " + event.payloadType(), e);
        }
        if (!MentoringEvent.class.isAssignableFrom(type)) {
            return Optional.empty(); // internal to this service: not part of the published language
        }
        MentoringEvent data;
        try {
            data = (MentoringEvent) EventJson.mapper().readValue(event.payload(), type);
        } catch (IOException e) {
            throw new IllegalStateException("stored event " + event.eventId() + " cannot be read as " + type.getName(), e);
        }
        Recorded recorded = Recorded.from(event);
        PublishedEvent publication = new PublishedEvent(
                CloudEventAttributes.of(event.eventId(), event.recordedAt(), data).recordedBy(recorded.by()),
                event.payload().getBytes(StandardCharsets.UTF_8));
        RecordHeaders headers = new RecordHeaders();
        recorded.correlationId().ifPresent(id -> headers.add(new RecordHeader(KafkaHeaders.CORRELATION_ID, id.getBytes(StandardCharsets.UTF_8))));
        return Optional.of(new ProducerRecord<>(topic, null, publication.key(), publication.toCloudEvent(), headers));
    }

    /** What an event's metadata says of the request that recorded it: its correlation id, and who made it. */
    private record Recorded(Optional<String> correlationId, Optional<RecordedBy> by) {

        static final Recorded UNKNOWN = new Recorded(Optional.empty(), Optional.empty());

        static Recorded from(StoredEvent event) {
            if (event.metaData() == null) {
                return UNKNOWN;
            }
            try {
                JsonNode metaData = EventJson.mapper().readTree(event.metaData());
                return new Recorded(text(metaData, StoredEvent.CORRELATION_ID),
                        RecordedBy.of(text(metaData, StoredEvent.RECORDED_BY_PERSON_ID).orElse(null), text(metaData, StoredEvent.RECORDED_BY_ROLES).orElse(null)));
            } catch (IOException e) {
                return UNKNOWN;
            }
        }

        private static Optional<String> text(JsonNode metaData, String key) {
            JsonNode value = metaData == null ? null : metaData.get(key);
            return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
        }
    }

    private void renewProducer() {
        // an idempotent producer that lost a batch must not go on with a gap in its sequence
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                log.debug("Closing producer", e);
            }
            producer = null;
        }
        topicReady = false;
    }

    private List<Deferred> dueDeferrals() {
        long now = System.nanoTime();
        List<Deferred> due = new ArrayList<>();
        for (int i = deferred.size(); i > 0; i--) {
            Deferred next = deferred.poll();
            if (next.retryAt() <= now) {
                due.add(next);
            } else {
                deferred.add(next);
            }
        }
        return due;
    }

    private static void add(Map<String, List<StoredEvent>> byAggregate, Set<String> ids, StoredEvent event) {
        if (ids.add(event.eventId())) {
            byAggregate.computeIfAbsent(event.aggregateId(), id -> new ArrayList<>()).add(event);
        }
    }

    private static String rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == failure ? failure.toString() : failure + " (" + cause + ")";
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Deferred(String aggregateId, List<StoredEvent> events, int attempts, long retryAt) {
    }

    // ---- lifecycle ----

    @Override
    public synchronized void start() {
        running = true;
        nextSweep = System.nanoTime();
        worker = new Thread(this::run, "event-relay-" + topic);
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (worker != null) {
            try {
                worker.join(properties.sendTimeout().toMillis() + 1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
        try {
            lease.release();
        } catch (RuntimeException e) {
            log.debug("Releasing relay lease", e);
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
            producer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before, and stops after, the web server: commands accepted are handed over before shutdown. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 4096;
    }
}
