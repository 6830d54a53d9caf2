package uk.mentoring.reflection.target;

import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record MeetDevelopmentTarget(UUID targetId, LocalDate metOn) {

    @TargetAggregateIdentifier
    public String target() {
        return DevelopmentTarget.idOf(targetId);
    }
}
