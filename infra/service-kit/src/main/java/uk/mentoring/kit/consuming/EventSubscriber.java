package uk.mentoring.kit.consuming;

import java.util.List;

import uk.mentoring.contracts.MentoringEvent;
import uk.mentoring.kit.correlation.CorrelationId;
import uk.mentoring.kit.events.ReceivedEvent;

/**
 * What a service does with each event it receives from the topics it subscribes to. Every
 * subscriber bean of a service sees every event it wants once; it must be idempotent, because
 * after a crash, or when a poll's events are handled again one by one after failing together, an
 * event can arrive again before the inbox remembered it.
 */
@FunctionalInterface
public interface EventSubscriber {

    void on(ReceivedEvent event);

    /**
     * The events of one poll that this subscriber wants, in the order read. The result must be
     * what handling them one by one gives; a subscriber that can write them in fewer round trips
     * does so here.
     */
    default void onAll(List<ReceivedEvent> events) {
        for (ReceivedEvent event : events) {
            CorrelationId.within(event.correlationId(), () -> on(event));
        }
    }

    /**
     * Whether events of this type matter to this subscriber. An event no subscriber of the
     * service wants is passed over without touching the service's database.
     */
    default boolean wants(Class<? extends MentoringEvent> type) {
        return true;
    }
}
