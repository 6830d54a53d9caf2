package uk.mentoring.pairing.mentee;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import uk.mentoring.contracts.pairing.MenteeEnrolled;
import uk.mentoring.contracts.pairing.MenteeMovedSchool;
import uk.mentoring.pairing.AggregateIds;

/** Answers questions about a mentee from their own event stream, outside any command. */
@Component
public class MenteeStreams {

    private final EventStore events;

    MenteeStreams(EventStore events) {
        this.events = events;
    }

    /** The school the mentee is in now, if they are enrolled at all. */
    public Optional<UUID> currentSchool(UUID menteeId) {
        AtomicReference<UUID> school = new AtomicReference<>();
        events.readEvents(AggregateIds.mentee(menteeId)).asStream().forEach(event -> {
            if (event.getPayload() instanceof MenteeEnrolled enrolled) {
                school.set(enrolled.schoolId());
            } else if (event.getPayload() instanceof MenteeMovedSchool moved) {
                school.set(moved.toSchoolId());
            }
        });
        return Optional.ofNullable(school.get());
    }
}
