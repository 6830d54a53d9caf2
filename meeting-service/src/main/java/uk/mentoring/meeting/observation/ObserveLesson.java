package uk.mentoring.meeting.observation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.mentoring.meeting.diary.Pairing;

public record ObserveLesson(UUID observationId, Pairing pairing, Instant observedAt, String focus, List<String> strengths,
                            List<String> developmentPoints) {

    @TargetAggregateIdentifier
    public String target() {
        return Observation.idOf(observationId);
    }
}
