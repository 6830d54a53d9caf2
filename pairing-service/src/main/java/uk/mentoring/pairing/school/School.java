package uk.mentoring.pairing.school;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import uk.mentoring.contracts.pairing.SchoolOnboarded;
import uk.mentoring.kit.domain.RuleViolation;
import uk.mentoring.pairing.AggregateIds;

/** A school of the trust. */
@Aggregate(cache = "aggregateCache")
public class School {

    @AggregateIdentifier
    private String id;
    private UUID schoolId;

    protected School() {
        // rebuilt from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OnboardSchool command) {
        if (schoolId != null) {
            throw RuleViolation.conflict("school-already-onboarded", "School already onboarded",
                    "The school with URN " + command.urn() + " is already on the platform.");
        }
        apply(new SchoolOnboarded(command.schoolId(), command.name().strip(), command.urn(), command.phase()));
    }

    @EventSourcingHandler
    void on(SchoolOnboarded event) {
        id = AggregateIds.school(event.schoolId());
        schoolId = event.schoolId();
    }
}
