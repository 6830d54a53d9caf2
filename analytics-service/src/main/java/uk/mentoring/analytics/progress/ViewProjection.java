package uk.mentoring.analytics.progress;

import java.util.List;

import uk.mentoring.kit.events.ReceivedEvent;

/**
 * A projection that can write into any generation of the views: the live one as events arrive,
 * a new one while the views are rebuilt from the topics.
 */
public interface ViewProjection {

    void apply(ReceivedEvent event, int generation);

    /**
     * A batch of events in the order read, as a rebuild hands them over. The result must be what
     * applying them one by one gives; a projection writes it with as few round trips as it can.
     */
    default void applyAll(List<ReceivedEvent> events, int generation) {
        events.forEach(event -> apply(event, generation));
    }
}
