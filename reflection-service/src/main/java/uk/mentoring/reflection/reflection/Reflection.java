package uk.mentoring.reflection.reflection;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import uk.mentoring.contracts.ReflectionModel;
import uk.mentoring.contracts.reflection.ReflectionReviewed;
import uk.mentoring.contracts.reflection.ReflectionSubmitted;
import uk.mentoring.kit.domain.RuleViolation;
import uk.mentoring.kit.pairings.PairingDirectory.KnownPairing;

/**
 * A mentee's reflection on their practice, written to a model (Gibbs, a critical incident, or
 * free), with their own judgement of its depth; then the mentor's review.
 */
@Aggregate(cache = "aggregateCache")
public class Reflection {

    private static final int MAX_SECTION = 10_000;

    @AggregateIdentifier
    private String id;
    private UUID reflectionId;
    private UUID pairingId;
    private UUID schoolId;
    private UUID mentorId;
    private UUID menteeId;
    private Instant submittedAt;
    private boolean reviewed;

    protected Reflection() {
        // rebuilt from its events
    }

    public static String idOf(UUID reflectionId) {
        return "reflection:" + reflectionId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SubmitReflection command) {
        if (reflectionId != null) {
            throw RuleViolation.conflict("reflection-exists", "Reflection already submitted", "Reflection " + command.reflectionId() + " exists.");
        }
        Map<String, String> sections = sectionsOf(command.model(), command.sections());
        KnownPairing p = command.pairing();
        apply(new ReflectionSubmitted(command.reflectionId(), p.pairingId(), p.schoolId(), p.mentorId(), p.menteeId(), command.model(),
                sections, command.selfAssessedDepth(), command.submittedAt()));
        if (command.privateNote() != null && !command.privateNote().isBlank()) {
            apply(new PrivateNoteKept(command.reflectionId(), p.menteeId(), command.privateNote().strip()));
        }
    }

    @CommandHandler
    void handle(ReviewReflection command) {
        if (reviewed) {
            throw RuleViolation.conflict("reflection-already-reviewed", "Reflection already reviewed",
                    "Reflection " + reflectionId + " has already been reviewed.");
        }
        if (submittedAt != null && command.reviewedAt().isBefore(submittedAt)) {
            throw RuleViolation.unprocessable("reviewed-before-submitted", "Reviewed before it was written",
                    "reviewedAt (" + command.reviewedAt().truncatedTo(ChronoUnit.SECONDS) + ") is before the reflection was submitted, at "
                            + submittedAt.truncatedTo(ChronoUnit.SECONDS) + ".");
        }
        apply(new ReflectionReviewed(reflectionId, pairingId, schoolId, mentorId, menteeId, command.assessedDepth(),
                command.feedback().strip(), command.reviewedAt()));
    }

    /** Every section the model asks for, written; nothing the model does not have. */
    static Map<String, String> sectionsOf(ReflectionModel model, Map<String, String> given) {
        List<String> expected = model.sections();
        List<String> missing = expected.stream().filter(name -> given.get(name) == null || given.get(name).isBlank()).toList();
        if (!missing.isEmpty()) {
            throw RuleViolation.unprocessable("reflection-section-missing", "A section of the reflection is missing",
                    "A " + model + " reflection has the sections " + String.join(", ", expected) + "; write " + String.join(", ", missing) + ".");
        }
        List<String> unknown = given.keySet().stream().filter(name -> !expected.contains(name)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw RuleViolation.unprocessable("reflection-section-unknown", "Not a section of this model",
                    "A " + model + " reflection has no section " + String.join(", ", unknown) + "; its sections are " + String.join(", ", expected) + ".");
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String name : expected) {
            String text = given.get(name).strip();
            if (text.length() > MAX_SECTION) {
                throw RuleViolation.unprocessable("reflection-section-too-long", "A section is too long",
                        "The " + name + " section has " + text.length() + " characters; at most " + MAX_SECTION + ".");
            }
            ordered.put(name, text);
        }
        return ordered;
    }

    @EventSourcingHandler
    void on(ReflectionSubmitted event) {
        id = idOf(event.reflectionId());
        reflectionId = event.reflectionId();
        pairingId = event.pairingId();
        schoolId = event.schoolId();
        mentorId = event.mentorId();
        menteeId = event.menteeId();
        submittedAt = event.submittedAt();
    }

    @EventSourcingHandler
    void on(ReflectionReviewed event) {
        reviewed = true;
    }
}
