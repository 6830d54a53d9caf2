package uk.mentoring.kit.consuming;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.mentoring.kit.events.CloudEventDecoder;
import uk.mentoring.kit.events.ReceivedEvent;

/**
 * Reads a service's topics again from their first record, outside its consumer group, so that a
 * projection can be rebuilt from the whole history while the live consumer carries on. Records
 * that cannot be read were dead-lettered when they first arrived and are passed over here.
 */
public class TopicReplay {

    private static final Logger log = LoggerFactory.getLogger(TopicReplay.class);

    private final Map<String, Object> consumerProperties;
    private final List<String> topics;

    public TopicReplay(Map<String, Object> consumerProperties, List<String> topics) {
        this.consumerProperties = Map.copyOf(consumerProperties);
        this.topics = List.copyOf(topics);
    }

    /** How far a replay has come, in records read of the records on the topics so far. */
    public interface Progress {
        void at(long done, long total);
    }

    /**
     * Hands every event on the topics to {@code handler}, a poll's worth at a time in each
     * partition's order (so that a projection can write them with one round trip instead of one
     * per event), until the reader has reached the end of every partition and {@code mayFinish}
     * agrees. The end is looked up again whenever it is reached, so records written meanwhile are
     * read too.
     *
     * <p>The handler runs on a thread of its own, one batch at a time and in order, while the next
     * poll's records are fetched and decoded: a rebuild waits for its writes and its reads at once
     * instead of one after the other. A batch is counted as done once the handler has returned.
     *
     * @return the number of events handed over
     */
    public long replayInBatches(Consumer<List<ReceivedEvent>> handler, Progress progress, BooleanSupplier mayFinish) {
        Map<String, Object> properties = new HashMap<>(consumerProperties);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "replay-" + UUID.randomUUID());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);

        ExecutorService writer = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "replay-handler");
            thread.setDaemon(true);
            return thread;
        });
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                for (PartitionInfo partition : consumer.partitionsFor(topic)) {
                    partitions.add(new TopicPartition(topic, partition.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long done = 0;
            long records = 0;
            long recordsHandedOver = 0;
            Future<?> handling = CompletableFuture.completedFuture(null);
            int handlingSize = 0;
            progress.at(0, total(beginning, end));
            while (true) {
                ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(200));
                List<ReceivedEvent> events = new ArrayList<>(batch.count());
                for (ConsumerRecord<String, byte[]> record : batch) {
                    records++;
                    read(record).ifPresent(events::add);
                }
                finish(handling);
                done += handlingSize;
                handlingSize = 0;
                progress.at(recordsHandedOver, Math.max(records, total(beginning, end)));
                if (!events.isEmpty()) {
                    handling = writer.submit(() -> handler.accept(events));
                    handlingSize = events.size();
                }
                recordsHandedOver = records;
                if (reached(consumer, end)) {
                    end = consumer.endOffsets(partitions);
                    if (reached(consumer, end) && mayFinish.getAsBoolean()) {
                        finish(handling);
                        done += handlingSize;
                        progress.at(records, records);
                        return done;
                    }
                }
            }
        } finally {
            stop(writer);
        }
    }

    /** The record's event; a record that cannot be read is passed over, as it was sent to the dead-letter topic when it arrived. */
    private static Optional<ReceivedEvent> read(ConsumerRecord<String, byte[]> record) {
        try {
            return CloudEventDecoder.decode(record.topic(), record.headers(), record.value(), Optional.empty());
        } catch (CloudEventDecoder.UnreadableEventException e) {
            log.warn("Passed over the record at {}/{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Lets a batch still being written finish before the replay returns or fails, so that nothing
     * writes into the views after the caller has given them up; only an interrupted caller stops it.
     */
    private static void stop(ExecutorService writer) {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(1, TimeUnit.MINUTES)) {
                writer.shutdownNow();
            }
        } catch (InterruptedException e) {
            writer.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for a batch's handling; what failed there fails the replay, as it would have on this thread. */
    private static void finish(Future<?> handling) {
        try {
            handling.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The replay was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            if (e.getCause() instanceof Error) {
                throw (Error) e.getCause();
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(partition -> consumer.position(partition.getKey()) >= partition.getValue());
    }

    private static long total(Map<TopicPartition, Long> beginning, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().mapToLong(partition -> partition.getValue() - beginning.getOrDefault(partition.getKey(), 0L)).sum();
    }
}
