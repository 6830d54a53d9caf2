package uk.mentoring.meeting.observation;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record GiveFeedback(UUID observationId, String feedback, Instant givenAt) {

    @TargetAggregateIdentifier
    public String target() {
        return Observation.idOf(observationId);
    }
}
