package uk.mentoring.kit.consuming;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

import uk.mentoring.kit.events.CloudEventDecoder;
import uk.mentoring.kit.pairings.ActivePairings;
import uk.mentoring.kit.pairings.PairingDirectory;
import uk.mentoring.kit.pairings.RecordIndex;

import com.mongodb.MongoException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoDatabase;

/**
 * Consumes the topics a service subscribes to and hands every event to its
 * {@link EventSubscriber}s, once per event id. A record that can never be processed goes to the
 * topic's dead-letter topic ({@code <topic>.dlt}) with the reason in its headers, and
 * consumption goes on; while the service's own MongoDB is unavailable it retries instead, since
 * nothing is wrong with the record.
 */
@AutoConfiguration
@EnableConfigurationProperties(SubscriptionProperties.class)
@Conditional(OnSubscription.class)
public class EventConsumptionAutoConfiguration {

    @Bean
    EventInbox eventInbox(MongoDatabase serviceDatabase) {
        return new EventInbox(serviceDatabase);
    }

    /** For services that work within pairings: enabled with {@code mentoring.events.pairing-directory=true}. */
    @Bean
    @ConditionalOnBooleanProperty("mentoring.events.pairing-directory")
    PairingDirectory pairingDirectory(MongoDatabase serviceDatabase) {
        return new PairingDirectory(serviceDatabase);
    }

    @Bean
    @ConditionalOnBooleanProperty("mentoring.events.pairing-directory")
    RecordIndex recordIndex(MongoDatabase serviceDatabase) {
        return new RecordIndex(serviceDatabase);
    }

    @Bean
    @ConditionalOnBooleanProperty("mentoring.events.pairing-directory")
    ActivePairings activePairings(PairingDirectory pairingDirectory, RecordIndex recordIndex) {
        return new ActivePairings(pairingDirectory, recordIndex);
    }

    @Bean
    TopicReplay topicReplay(KafkaProperties kafka, SubscriptionProperties subscription) {
        return new TopicReplay(kafka.buildConsumerProperties(), subscription.topics());
    }

    @Bean
    EventDispatcher eventDispatcher(ObjectProvider<EventSubscriber> subscribers, EventInbox inbox, MeterRegistry meters) {
        return new EventDispatcher(subscribers.orderedStream().toList(), inbox, meters);
    }

    /**
     * The topics read, created with the platform's partition count if their publisher has not
     * created them yet, and their dead-letter topics.
     */
    @Bean
    KafkaAdmin.NewTopics subscribedTopics(SubscriptionProperties subscription, @Value("${mentoring.events.partitions}") int partitions) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : subscription.topics()) {
            topics.add(TopicBuilder.name(topic).partitions(partitions).config("retention.ms", "-1").build());
            topics.add(TopicBuilder.name(topic + ".dlt").partitions(1).config("retention.ms", "-1").build());
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> eventListenerContainer(
            KafkaProperties kafka, SubscriptionProperties subscription, EventDispatcher dispatcher,
            Environment environment) {
        Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class);
        // values are read by the dispatcher, in one pass (CloudEventDecoder); a value it cannot read is dead-lettered as it came
        consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumer.put(ErrorHandlingDeserializer.KEY_DESERIALIZER_CLASS, StringDeserializer.class);

        ContainerProperties properties = new ContainerProperties(subscription.topics().toArray(String[]::new));
        properties.setGroupId(subscription.group() != null ? subscription.group() : environment.getRequiredProperty("spring.application.name"));
        properties.setMessageListener(dispatcher);
        properties.setAckMode(ContainerProperties.AckMode.BATCH);

        ConcurrentMessageListenerContainer<String, byte[]> container =
                new ConcurrentMessageListenerContainer<>(new DefaultKafkaConsumerFactory<>(consumer), properties);
        container.setConcurrency(subscription.concurrency());
        container.setCommonErrorHandler(errorHandler(kafka, subscription));
        return container;
    }

    private static DefaultErrorHandler errorHandler(KafkaProperties kafka, SubscriptionProperties subscription) {
        Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // a dead letter keeps what arrived, byte for byte, with the headers it came with
        Map<Class<?>, org.apache.kafka.common.serialization.Serializer<?>> asArrived = new java.util.LinkedHashMap<>();
        asArrived.put(byte[].class, new ByteArraySerializer());
        asArrived.put(String.class, new StringSerializer());
        KafkaTemplate<Object, Object> deadLetters = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer,
                new DelegatingByTypeSerializer(asArrived, true), new DelegatingByTypeSerializer(asArrived, true)));

        // any partition of the dead-letter topic will do: it is read by people, not replayed in order
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetters,
                (record, exception) -> new TopicPartition(record.topic() + ".dlt", -1));

        BackOff untilStoreIsBack = new FixedBackOff(subscription.retryBackoff().toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS);
        BackOff fewAttempts = new FixedBackOff(subscription.retryBackoff().toMillis(), Math.max(0, subscription.attempts() - 1));
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, fewAttempts);
        handler.setBackOffFunction((record, exception) -> causedByStore(exception) ? untilStoreIsBack : fewAttempts);
        handler.addNotRetryableExceptions(CloudEventDecoder.UnreadableEventException.class);
        return handler;
    }

    private static boolean causedByStore(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof MongoSocketException || cause instanceof MongoTimeoutException
                    || (cause instanceof MongoException mongo && mongo.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL))) {
                return true;
            }
        }
        return false;
    }
}
