package uk.mentoring.meeting.observation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import uk.mentoring.contracts.meeting.FeedbackGiven;
import uk.mentoring.contracts.meeting.LessonObserved;

/** A lesson observed and the feedback on it, for the mentor and the mentee to read back. */
@Component
public class ObservationsAsRecorded {

    private final EventStore events;

    ObservationsAsRecorded(EventStore events) {
        this.events = events;
    }

    public Optional<RecordedObservation> find(UUID observationId) {
        RecordedObservation[] read = new RecordedObservation[1];
        events.readEvents(Observation.idOf(observationId)).asStream().forEach(event -> {
            if (event.getPayload() instanceof LessonObserved observed) {
                read[0] = new RecordedObservation(observationId, observed.pairingId(), observed.observedAt(), observed.focus(), observed.strengths(),
                        observed.developmentPoints(), null, null);
            } else if (event.getPayload() instanceof FeedbackGiven given && read[0] != null) {
                RecordedObservation o = read[0];
                read[0] = new RecordedObservation(observationId, o.pairingId(), o.observedAt(), o.focus(), o.strengths(), o.developmentPoints(),
                        given.feedback(), given.givenAt());
            }
        });
        return Optional.ofNullable(read[0]);
    }

    public record RecordedObservation(UUID observationId, UUID pairingId, Instant observedAt, String focus, List<String> strengths,
                                      List<String> developmentPoints, String feedback, Instant feedbackGivenAt) {
    }
}
