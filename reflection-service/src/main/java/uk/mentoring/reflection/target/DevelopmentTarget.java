package uk.mentoring.reflection.target;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import uk.mentoring.contracts.reflection.DevelopmentTargetMet;
import uk.mentoring.contracts.reflection.DevelopmentTargetSet;
import uk.mentoring.kit.domain.RuleViolation;
import uk.mentoring.kit.pairings.PairingDirectory.KnownPairing;

/** An area the mentee works on, identified by themself or by their mentor, until it is met. */
@Aggregate(cache = "aggregateCache")
public class DevelopmentTarget {

    @AggregateIdentifier
    private String id;
    private UUID targetId;
    private UUID pairingId;
    private UUID schoolId;
    private UUID mentorId;
    private UUID menteeId;
    private LocalDate setOn;
    private boolean met;

    protected DevelopmentTarget() {
        // rebuilt from its events
    }

    public static String idOf(UUID targetId) {
        return "target:" + targetId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SetDevelopmentTarget command) {
        if (targetId != null) {
            throw RuleViolation.conflict("target-exists", "Target already set", "Development target " + command.targetId() + " exists.");
        }
        KnownPairing p = command.pairing();
        apply(new DevelopmentTargetSet(command.targetId(), p.pairingId(), p.schoolId(), p.mentorId(), p.menteeId(), command.area().strip(),
                command.identifiedBy(), command.setOn()));
    }

    @CommandHandler
    void handle(MeetDevelopmentTarget command) {
        if (met) {
            throw RuleViolation.conflict("target-already-met", "Target already met", "Development target " + targetId + " has been met already.");
        }
        if (command.metOn().isBefore(setOn)) {
            throw RuleViolation.unprocessable("met-before-set", "Met before it was set",
                    "The target was set on " + setOn + "; it cannot have been met on " + command.metOn() + ".");
        }
        apply(new DevelopmentTargetMet(targetId, pairingId, schoolId, mentorId, menteeId, command.metOn()));
    }

    @EventSourcingHandler
    void on(DevelopmentTargetSet event) {
        id = idOf(event.targetId());
        targetId = event.targetId();
        pairingId = event.pairingId();
        schoolId = event.schoolId();
        mentorId = event.mentorId();
        menteeId = event.menteeId();
        setOn = event.setOn();
    }

    @EventSourcingHandler
    void on(DevelopmentTargetMet event) {
        met = true;
    }
}
