package uk.mentoring.kit.events;

/** Kafka record headers the platform sets beside the CloudEvent. */
public final class KafkaHeaders {

    /** The id of the request that caused the event, for following one action across services. */
    public static final String CORRELATION_ID = "correlation-id";

    private KafkaHeaders() {
    }
}
