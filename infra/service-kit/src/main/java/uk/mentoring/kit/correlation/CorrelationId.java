package uk.mentoring.kit.correlation;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.MDC;

/**
 * The id that follows one action through the platform: from the gateway, into a service's
 * command, onto every event it causes (a Kafka header) and into the logs of whoever handles them.
 */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    public static final String LOG_KEY = "correlationId";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private CorrelationId() {
    }

    /** The id a caller sent, if it is a sensible one; otherwise a new one. */
    public static String acceptOrCreate(String given) {
        return given != null && ACCEPTED.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    public static Optional<String> current() {
        return Optional.ofNullable(MDC.get(LOG_KEY));
    }

    /** Runs something with this id in the logs' context. */
    public static void within(Optional<String> id, Runnable work) {
        id.ifPresent(value -> MDC.put(LOG_KEY, value));
        try {
            work.run();
        } finally {
            MDC.remove(LOG_KEY);
        }
    }
}
