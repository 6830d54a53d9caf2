package uk.mentoring.meeting.observation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import uk.mentoring.contracts.meeting.FeedbackGiven;
import uk.mentoring.contracts.meeting.LessonObserved;
import uk.mentoring.kit.domain.RuleViolation;
import uk.mentoring.meeting.diary.Pairing;

/** A lesson the mentor observed, and the feedback that followed. Emerging needs are found this way. */
@Aggregate(cache = "aggregateCache")
public class Observation {

    @AggregateIdentifier
    private String id;
    private UUID observationId;
    private Pairing pairing;
    private Instant observedAt;
    private boolean feedbackGiven;

    protected Observation() {
        // rebuilt from its events
    }

    public static String idOf(UUID observationId) {
        return "observation:" + observationId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ObserveLesson command) {
        if (observationId != null) {
            throw RuleViolation.conflict("observation-exists", "Observation already recorded", "Observation " + command.observationId() + " exists.");
        }
        if (command.strengths().isEmpty() && command.developmentPoints().isEmpty()) {
            throw RuleViolation.unprocessable("observation-needs-findings", "What was seen?",
                    "An observation names at least one strength or one development point.");
        }
        Pairing p = command.pairing();
        apply(new LessonObserved(command.observationId(), p.pairingId(), p.schoolId(), p.mentorId(), p.menteeId(), command.observedAt(),
                command.focus().strip(), command.strengths().stream().map(String::strip).toList(),
                command.developmentPoints().stream().map(String::strip).toList()));
    }

    @CommandHandler
    void handle(GiveFeedback command) {
        if (feedbackGiven) {
            throw RuleViolation.conflict("feedback-already-given", "Feedback already given",
                    "Feedback on observation " + observationId + " has already been recorded.");
        }
        if (observedAt != null && command.givenAt().isBefore(observedAt)) {
            throw RuleViolation.unprocessable("feedback-before-observation", "Feedback before the lesson was seen",
                    "givenAt (" + command.givenAt().truncatedTo(ChronoUnit.SECONDS) + ") is before the lesson was observed, at "
                            + observedAt.truncatedTo(ChronoUnit.SECONDS) + ".");
        }
        apply(new FeedbackGiven(observationId, pairing.pairingId(), pairing.schoolId(), pairing.mentorId(), pairing.menteeId(),
                command.feedback().strip(), command.givenAt()));
    }

    @EventSourcingHandler
    void on(LessonObserved event) {
        id = idOf(event.observationId());
        observationId = event.observationId();
        pairing = new Pairing(event.pairingId(), event.schoolId(), event.mentorId(), event.menteeId());
        observedAt = event.observedAt();
    }

    @EventSourcingHandler
    void on(FeedbackGiven event) {
        feedbackGiven = true;
    }

    public Pairing pairing() {
        return pairing;
    }
}
