package uk.mentoring.testkit;

import java.util.Map;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/** Testcontainers' Kafka (KRaft) and a one-node MongoDB replica set, one of each per test JVM. */
final class ContainerInfrastructure {

    private static KafkaContainer kafka;
    private static MongoDBContainer mongo;

    private ContainerInfrastructure() {
    }

    static synchronized Map<String, Object> properties() {
        if (kafka == null) {
            kafka = new KafkaContainer("apache/kafka:4.1.1");
            kafka.start();
            mongo = new MongoDBContainer("mongo:8.0").withReplicaSet();
            mongo.start();
        }
        return Map.of(
                "spring.kafka.bootstrap-servers", kafka.getBootstrapServers(),
                "spring.mongodb.uri", mongo.getReplicaSetUrl(),
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", TestInfrastructure.identityProvider().issuer(),
                "spring.security.oauth2.resourceserver.jwt.audiences", TestIdentityProvider.AUDIENCE);
    }
}
