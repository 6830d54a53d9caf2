package uk.mentoring.pairing.mentor;

import java.util.Optional;
import java.util.UUID;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import uk.mentoring.pairing.AggregateIds;

/** Reads a mentor from their own events, inside the command being handled. */
@Component
class EventSourcedMentors implements Mentors {

    private final Repository<Mentor> mentors;

    EventSourcedMentors(Repository<Mentor> mentors) {
        this.mentors = mentors;
    }

    @Override
    public Optional<MentorProfile> byId(UUID mentorId) {
        try {
            return Optional.of(mentors.load(AggregateIds.mentor(mentorId)).invoke(Mentor::profile));
        } catch (AggregateNotFoundException missing) {
            return Optional.empty();
        }
    }
}
