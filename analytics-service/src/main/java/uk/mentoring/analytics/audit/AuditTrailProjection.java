package uk.mentoring.analytics.audit;

import org.springframework.stereotype.Component;

import uk.mentoring.kit.consuming.EventSubscriber;
import uk.mentoring.kit.events.ReceivedEvent;

/**
 * Appends each arriving event to its mentee's audit trail. The trail is not a view: it has no
 * generations and is never rebuilt, only appended to.
 */
@Component
class AuditTrailProjection implements EventSubscriber {

    private final AuditTrail trail;

    AuditTrailProjection(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public void on(ReceivedEvent event) {
        trail.append(event);
    }
}
