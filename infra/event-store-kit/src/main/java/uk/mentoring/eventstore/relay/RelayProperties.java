package uk.mentoring.eventstore.relay;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import uk.mentoring.contracts.Publisher;

/**
 * How a command service publishes its stored events, under {@code mentoring.events.publication}.
 *
 * @param publisher     which publisher this service is; fixes the topic
 * @param batchSize     events sent to Kafka in one go
 * @param sweepInterval how often the lease holder looks for stored events nobody published
 * @param sweepGrace    how long an event must have been seen unpublished before the sweep publishes
 *                      it (measured on this instance's clock, between two sweeps: no timestamp trusted)
 * @param leaseTtl      how long the sweep lease lasts without renewal
 * @param queueCapacity events waiting for the relay thread; beyond it they are left to the sweep
 * @param sendTimeout   how long to wait for Kafka to acknowledge a batch
 * @param deferrals     times an event is put back while its predecessor is being published elsewhere,
 *                      before the relay publishes the predecessor itself
 */
@ConfigurationProperties("mentoring.events.publication")
public record RelayProperties(
        Publisher publisher,
        Integer batchSize,
        Duration sweepInterval,
        Duration sweepGrace,
        Duration leaseTtl,
        Integer queueCapacity,
        Duration sendTimeout,
        Integer deferrals) {

    public RelayProperties {
        if (publisher == null) {
            throw new IllegalArgumentException("mentoring.events.publication.publisher must name this service's publisher");
        }
        batchSize = batchSize == null ? 500 : batchSize;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(2) : sweepInterval;
        sweepGrace = sweepGrace == null ? Duration.ofSeconds(3) : sweepGrace;
        leaseTtl = leaseTtl == null ? Duration.ofSeconds(15) : leaseTtl;
        queueCapacity = queueCapacity == null ? 50_000 : queueCapacity;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(20) : sendTimeout;
        deferrals = deferrals == null ? 10 : deferrals;
    }
}
