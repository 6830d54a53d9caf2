package uk.mentoring.pairing.school;

import java.util.UUID;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import uk.mentoring.pairing.AggregateIds;

/** Reads the answer from the school's own events: no projection that could lag behind. */
@Component
class EventSourcedSchools implements Schools {

    private final Repository<School> schools;

    EventSourcedSchools(Repository<School> schools) {
        this.schools = schools;
    }

    @Override
    public boolean isOnboarded(UUID schoolId) {
        try {
            schools.load(AggregateIds.school(schoolId));
            return true;
        } catch (AggregateNotFoundException missing) {
            return false;
        }
    }
}
