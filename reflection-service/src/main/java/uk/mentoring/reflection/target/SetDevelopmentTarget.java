package uk.mentoring.reflection.target;

import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.mentoring.contracts.reflection.IdentifiedBy;
import uk.mentoring.kit.pairings.PairingDirectory.KnownPairing;

public record SetDevelopmentTarget(UUID targetId, KnownPairing pairing, String area, IdentifiedBy identifiedBy, LocalDate setOn) {

    @TargetAggregateIdentifier
    public String target() {
        return DevelopmentTarget.idOf(targetId);
    }
}
