package uk.mentoring.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.message.Encoding;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import uk.mentoring.contracts.CloudEventAttributes;
import uk.mentoring.contracts.MentoringEvent;
import uk.mentoring.contracts.PublishedLanguage;
import uk.mentoring.contracts.RecordedBy;
import uk.mentoring.kit.events.EventJson;
import uk.mentoring.kit.events.PublishedEvent;

/** Puts events on a topic exactly as a publishing service's relay does, or puts garbage there. */
public final class TestPublisher implements AutoCloseable {

    private final KafkaProducer<String, CloudEvent> events;
    private final KafkaProducer<String, byte[]> raw;

    public TestPublisher(String bootstrapServers) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(CloudEventSerializer.ENCODING_CONFIG, Encoding.STRUCTURED);
        properties.put(CloudEventSerializer.EVENT_FORMAT_CONFIG, JsonFormat.CONTENT_TYPE);
        CloudEventSerializer serializer = new CloudEventSerializer();
        serializer.configure(properties, false);
        this.events = new KafkaProducer<>(properties, new StringSerializer(), serializer);
        this.raw = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    }

    public TestPublisher() {
        this(TestInfrastructure.kafka().bootstrapServers());
    }

    /** Publishes the event under a new id; returns the id. */
    public String publish(MentoringEvent event) {
        return publish(UUID.randomUUID().toString(), Instant.now(), event);
    }

    public String publish(String eventId, Instant recordedAt, MentoringEvent event) {
        return publish(eventId, recordedAt, event, Optional.empty());
    }

    /** Publishes the event as recorded at a person's request, naming them as the relay would. */
    public String publish(String eventId, Instant recordedAt, MentoringEvent event, Optional<RecordedBy> recordedBy) {
        try {
            PublishedEvent published = new PublishedEvent(CloudEventAttributes.of(eventId, recordedAt, event).recordedBy(recordedBy),
                    EventJson.mapper().writeValueAsBytes(event));
            String topic = PublishedLanguage.of(event).publisher().topic();
            events.send(new ProducerRecord<>(topic, published.key(), published.toCloudEvent())).get();
            return eventId;
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + event, e);
        }
    }

    /** A record no consumer can read: not a CloudEvent at all. */
    public void publishGarbage(String topic, String key, byte[] value) {
        try {
            raw.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A record that says it is a structured CloudEvent and carries whatever JSON is given. */
    public void publishStructured(String topic, String key, String json) {
        try {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, json.getBytes(StandardCharsets.UTF_8));
            record.headers().add("content-type", JsonFormat.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            raw.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        events.close();
        raw.close();
    }
}
