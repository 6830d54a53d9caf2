package uk.mentoring.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * Runs a test class against Testcontainers' Kafka and a MongoDB replica set instead of the
 * in-JVM ones. Where no Docker engine answers, the class is skipped, not failed. Such a class
 * publishes and reads with the broker its context was given ({@code spring.kafka.bootstrap-servers}),
 * through {@link TestPublisher#TestPublisher(String)} and {@link TopicProbe#readAll(String, String)}:
 * the defaults of those are the in-JVM broker.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Testcontainers(disabledWithoutDocker = true)
public @interface OnContainers {
}
