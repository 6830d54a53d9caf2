package uk.mentoring.pairing.school;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import uk.mentoring.pairing.AggregateIds;

/**
 * Reads the answer from the school's own events: no projection that could lag behind.
 *
 * <p>It asks the event store whether the school's stream exists rather than loading the school:
 * loading takes the school's lock until the command that asked is written, so every enrolment into
 * a school waited for the one before it. A school once on the platform stays (no command takes it
 * off), so that answer is remembered; that a school is not known yet is asked again every time.
 */
@Component
class EventSourcedSchools implements Schools {

    /** Far more schools than a trust has; past it, the answers are asked again rather than kept. */
    static final int MOST_REMEMBERED = 10_000;

    private final EventStore events;
    private final Set<UUID> onboarded = ConcurrentHashMap.newKeySet();

    EventSourcedSchools(EventStore events) {
        this.events = events;
    }

    @Override
    public boolean isOnboarded(UUID schoolId) {
        if (onboarded.contains(schoolId)) {
            return true;
        }
        boolean known = events.lastSequenceNumberFor(AggregateIds.school(schoolId)).isPresent();
        if (known && onboarded.size() < MOST_REMEMBERED) {
            onboarded.add(schoolId);
        }
        return known;
    }
}
