package uk.mentoring.pairing.mentor;

import java.util.Optional;
import java.util.UUID;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import uk.mentoring.contracts.pairing.MentorRegistered;
import uk.mentoring.pairing.AggregateIds;

/** Answers questions about a mentor from their own event stream, outside any command. */
@Component
public class MentorStreams {

    private final EventStore events;

    MentorStreams(EventStore events) {
        this.events = events;
    }

    /** The mentor's school, if they are registered at all. */
    public Optional<UUID> school(UUID mentorId) {
        return events.readEvents(AggregateIds.mentor(mentorId)).asStream()
                .filter(event -> event.getPayload() instanceof MentorRegistered)
                .map(event -> ((MentorRegistered) event.getPayload()).schoolId())
                .findFirst();
    }

    public boolean isInSchool(UUID mentorId, UUID schoolId) {
        return school(mentorId).filter(schoolId::equals).isPresent();
    }
}
