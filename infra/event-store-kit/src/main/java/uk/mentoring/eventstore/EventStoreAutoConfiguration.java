package uk.mentoring.eventstore;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

import com.mongodb.client.MongoDatabase;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.message.Encoding;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.CloudEventSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

import uk.mentoring.contracts.RecordedBy;
import uk.mentoring.eventstore.personaldata.PersonalDataCipher;
import uk.mentoring.eventstore.personaldata.PersonalDataKeys;
import uk.mentoring.eventstore.personaldata.PersonalDataProperties;
import uk.mentoring.eventstore.personaldata.PersonalDataWeb;
import uk.mentoring.eventstore.personaldata.SealingSerializer;
import uk.mentoring.eventstore.relay.EventRelay;
import uk.mentoring.eventstore.relay.RelayProperties;
import uk.mentoring.eventstore.relay.StoredEvent;
import uk.mentoring.eventstore.relay.Relays;
import uk.mentoring.eventstore.web.AxonProblemAdvice;
import uk.mentoring.kit.config.ServiceDatabaseAutoConfiguration;
import uk.mentoring.kit.correlation.CorrelationId;
import uk.mentoring.kit.events.EventJson;
import uk.mentoring.kit.security.Caller;
import uk.mentoring.kit.security.ClaimNames;
import uk.mentoring.kit.security.Role;

/**
 * A command service's event store: Axon aggregates stored in the service's own MongoDB database
 * (without Axon Server), every event serialized once as the published JSON, and the relay that
 * takes every stored event to Kafka.
 */
@AutoConfiguration(before = AxonAutoConfiguration.class, after = ServiceDatabaseAutoConfiguration.class)
@EnableConfigurationProperties({RelayProperties.class, PersonalDataProperties.class})
@Import(PersonalDataWeb.class)
public class EventStoreAutoConfiguration {

    /** Events are stored in exactly the JSON that goes on Kafka and that the schemas describe. */
    @Bean
    @Primary
    Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(EventJson.mapper().copy()).build();
    }

    /** Events are sealed on the way in: personal fields leave the service only as ciphertext. */
    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(Serializer serializer, PersonalDataCipher personalData) {
        return new SealingSerializer(serializer, personalData);
    }

    @Bean
    PersonalDataKeys personalDataKeys(MongoDatabase serviceDatabase, PersonalDataProperties properties) {
        return new PersonalDataKeys(serviceDatabase, properties.masterKey(), properties.keysKeptFor(), Clock.systemUTC());
    }

    @Bean
    PersonalDataCipher personalDataCipher(RelayProperties relay, PersonalDataKeys keys) {
        return new PersonalDataCipher(relay.publisher().shortName(), keys);
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    MongoTemplate axonMongoTemplate(MongoDatabase serviceDatabase) {
        return DefaultMongoTemplate.builder().mongoDatabase(serviceDatabase).build();
    }

    @Bean
    EventStorageEngine eventStorageEngine(MongoTemplate axonMongoTemplate, @Qualifier("eventSerializer") Serializer eventSerializer,
                                          Serializer serializer, EventRelay relay) {
        MongoEventStorageEngine store = MongoEventStorageEngine.builder()
                .mongoTemplate(axonMongoTemplate)
                .storageStrategy(new RelayedStorageStrategy())
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                .build();
        // the unique (aggregate, sequence) index turns two instances writing one aggregate at once into a ConcurrencyException
        store.ensureIndexes();
        return new RelayingEventStorageEngine(store, eventSerializer, relay);
    }

    /**
     * Aggregates stay in memory between commands instead of being read back from the store each
     * time. Another instance writing the same aggregate makes our next append collide on the
     * store's unique (aggregate, sequence) index: the command is rolled back, the cached copy
     * dropped, and the command retried on fresh state.
     */
    @Bean
    Cache aggregateCache() {
        return new WeakReferenceCache();
    }

    @Bean
    TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoTokenStore.builder().mongoTemplate(axonMongoTemplate).serializer(serializer).build();
    }

    /** Event handlers inside a command service run in the publishing thread; nothing tracks the store by timestamp. */
    @Bean
    ConfigurerModule subscribingEventProcessors() {
        return configurer -> configurer.eventProcessing(processing -> processing.usingSubscribingEventProcessors());
    }

    /**
     * Two instances writing one aggregate at once: the loser reloads and tries again. Every
     * command carries the request's correlation id and who made the request, as their token names
     * them; Axon hands both on to the events it causes, and the relay puts them on Kafka. A command
     * sent in answer to another event names nobody: the platform made it.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ObjectProvider<ClaimNames> claimNames) {
        ClaimNames claims = claimNames.getIfAvailable(() -> ClaimNames.PLATFORM);
        MessageDispatchInterceptor<CommandMessage<?>> request = messages -> (index, command) -> command.andMetaData(requestMetaData(claims));
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .dispatchInterceptors(request)
                .retryScheduler(IntervalRetryScheduler.builder()
                        .retryExecutor(Executors.newSingleThreadScheduledExecutor(runnable -> {
                            Thread thread = new Thread(runnable, "command-retry");
                            thread.setDaemon(true);
                            return thread;
                        }))
                        .maxRetryCount(5)
                        .retryInterval(20)
                        .build())
                .build();
    }

    @Bean
    NewTopic publicationTopic(RelayProperties relay, @Value("${mentoring.events.partitions}") int partitions) {
        return TopicBuilder.name(relay.publisher().topic())
                .partitions(partitions)
                .config("retention.ms", "-1")
                .build();
    }

    @Bean
    EventRelay eventRelay(MongoDatabase serviceDatabase, KafkaProperties kafka, KafkaAdmin admin, NewTopic publicationTopic,
                          RelayProperties properties, MeterRegistry meters) {
        Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        producer.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 2);
        producer.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        int deliveryTimeout = (int) properties.sendTimeout().toMillis();
        producer.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeout);
        producer.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(5_000, deliveryTimeout / 2));
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class);
        producer.put(CloudEventSerializer.ENCODING_CONFIG, Encoding.STRUCTURED);
        producer.put(CloudEventSerializer.EVENT_FORMAT_CONFIG, JsonFormat.CONTENT_TYPE);
        producer.put(ProducerConfig.CLIENT_ID_CONFIG, properties.publisher().service() + "-relay-" + instanceId());

        return Relays.eventRelay(serviceDatabase, properties, instanceId(),
                () -> new KafkaProducer<String, CloudEvent>(producer),
                () -> admin.createOrModifyTopics(publicationTopic),
                Clock.systemUTC(), meters);
    }

    @Bean
    AxonProblemAdvice axonProblemAdvice() {
        return new AxonProblemAdvice();
    }

    /** The request's correlation id and who made it, as metadata of the command it sends. */
    private static Map<String, String> requestMetaData(ClaimNames claims) {
        Map<String, String> metaData = new HashMap<>(4);
        CorrelationId.current().ifPresent(id -> metaData.put(CORRELATION_ID, id));
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Jwt token) {
            Caller caller = Caller.from(token, claims);
            RecordedBy who = new RecordedBy(caller.personId(), caller.roles().stream().map(Role::name).toList());
            who.personId().ifPresent(id -> metaData.put(StoredEvent.RECORDED_BY_PERSON_ID, id.toString()));
            if (!who.roles().isEmpty()) {
                metaData.put(StoredEvent.RECORDED_BY_ROLES, who.rolesText());
            }
        }
        return metaData;
    }

    /** Axon's message-origin provider stays, and the request's correlation id and who made it are copied from each command to its events too. */
    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider requestCorrelation() {
        return new SimpleCorrelationDataProvider(CORRELATION_ID, StoredEvent.RECORDED_BY_PERSON_ID, StoredEvent.RECORDED_BY_ROLES);
    }

    /** The metadata key under which commands and events carry the request's correlation id. */
    public static final String CORRELATION_ID = StoredEvent.CORRELATION_ID;

    private static String instanceId() {
        return INSTANCE_ID;
    }

    private static final String INSTANCE_ID = ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID().toString().substring(0, 8);
}
