package uk.mentoring.kit.consuming;

import uk.mentoring.kit.events.ReceivedEvent;

/**
 * What a service does with each event it receives from the topics it subscribes to. Every
 * subscriber bean of a service sees every event once; it must be idempotent, because after a
 * crash an event can arrive again before the inbox remembered it.
 */
@FunctionalInterface
public interface EventSubscriber {

    void on(ReceivedEvent event);
}
