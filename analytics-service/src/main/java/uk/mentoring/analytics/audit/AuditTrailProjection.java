package uk.mentoring.analytics.audit;

import java.util.List;

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

    /** A poll's events in one write, rather than a round trip each: the trail must keep up with a burst of enrolments. */
    @Override
    public void onAll(List<ReceivedEvent> events) {
        trail.appendAll(events);
    }
}
