package uk.mentoring.analytics.audit;

import org.springframework.stereotype.Component;

import uk.mentoring.analytics.progress.ViewProjection;
import uk.mentoring.kit.consuming.EventSubscriber;
import uk.mentoring.kit.events.ReceivedEvent;

/**
 * Appends each arriving event to its mentee's audit trail. The trail is not a view and has no
 * generations: a rebuild of the views only appends what the trail had not yet recorded.
 */
@Component
class AuditTrailProjection implements EventSubscriber, ViewProjection {

    private final AuditTrail trail;

    AuditTrailProjection(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public void on(ReceivedEvent event) {
        trail.append(event);
    }

    @Override
    public void apply(ReceivedEvent event, int generation) {
        trail.append(event);
    }
}
