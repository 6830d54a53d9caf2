package uk.mentoring.reflection.target;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import uk.mentoring.contracts.reflection.DevelopmentTargetMet;
import uk.mentoring.contracts.reflection.DevelopmentTargetSet;
import uk.mentoring.contracts.reflection.IdentifiedBy;

/** A development target in the words it was set in, for the mentee and the mentor to read back. */
@Component
public class TargetsAsSet {

    private final EventStore events;

    TargetsAsSet(EventStore events) {
        this.events = events;
    }

    public Optional<SetTarget> find(UUID targetId) {
        SetTarget[] read = new SetTarget[1];
        events.readEvents(DevelopmentTarget.idOf(targetId)).asStream().forEach(event -> {
            if (event.getPayload() instanceof DevelopmentTargetSet set) {
                read[0] = new SetTarget(targetId, set.pairingId(), set.area(), set.identifiedBy(), set.setOn(), null);
            } else if (event.getPayload() instanceof DevelopmentTargetMet met && read[0] != null) {
                read[0] = new SetTarget(targetId, read[0].pairingId(), read[0].area(), read[0].identifiedBy(), read[0].setOn(), met.metOn());
            }
        });
        return Optional.ofNullable(read[0]);
    }

    /** @param metOn the day it was met, null while it is still being worked on */
    public record SetTarget(UUID targetId, UUID pairingId, String area, IdentifiedBy identifiedBy, LocalDate setOn, LocalDate metOn) {
    }
}
