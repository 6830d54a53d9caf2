package uk.mentoring.kit.consuming;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which topics a service reads, under {@code mentoring.events.subscription}.
 *
 * @param topics        the topics to read from their beginning; none means the service consumes nothing
 * @param group         the consumer group; instances of one service share it and split the partitions
 * @param concurrency   consumer threads per instance
 * @param retryBackoff  wait between attempts when the service's own store is unavailable
 * @param attempts      attempts for a record that fails for another reason before it goes to the dead-letter topic
 */
@ConfigurationProperties("mentoring.events.subscription")
public record SubscriptionProperties(List<String> topics, String group, Integer concurrency, Duration retryBackoff, Integer attempts) {

    public SubscriptionProperties {
        topics = topics == null ? List.of() : List.copyOf(topics);
        concurrency = concurrency == null ? 1 : concurrency;
        retryBackoff = retryBackoff == null ? Duration.ofSeconds(1) : retryBackoff;
        attempts = attempts == null ? 3 : attempts;
    }
}
