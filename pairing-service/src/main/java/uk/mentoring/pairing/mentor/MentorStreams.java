package uk.mentoring.pairing.mentor;

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

    public boolean isInSchool(UUID mentorId, UUID schoolId) {
        return events.readEvents(AggregateIds.mentor(mentorId)).asStream()
                .anyMatch(event -> event.getPayload() instanceof MentorRegistered registered && registered.schoolId().equals(schoolId));
    }
}
