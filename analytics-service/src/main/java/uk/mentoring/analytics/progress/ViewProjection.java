package uk.mentoring.analytics.progress;

import uk.mentoring.kit.events.ReceivedEvent;

/**
 * A projection that can write into any generation of the views: the live one as events arrive,
 * a new one while the views are rebuilt from the topics.
 */
public interface ViewProjection {

    void apply(ReceivedEvent event, int generation);
}
