package uk.mentoring.pairing.mentor;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import uk.mentoring.contracts.pairing.MentorRegistered;
import uk.mentoring.kit.domain.RuleViolation;
import uk.mentoring.pairing.AggregateIds;
import uk.mentoring.pairing.school.Schools;

/** A teacher of a school who mentors others. */
@Aggregate
public class Mentor {

    @AggregateIdentifier
    private String id;
    private UUID mentorId;
    private UUID schoolId;
    private String email;

    protected Mentor() {
        // rebuilt from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterMentor command, Schools schools) {
        if (mentorId != null) {
            throw RuleViolation.conflict("already-registered", "Already registered",
                    "A mentor with id " + command.mentorId() + " is already registered.");
        }
        if (!schools.isOnboarded(command.schoolId())) {
            throw RuleViolation.notFound("School", command.schoolId());
        }
        apply(new MentorRegistered(command.mentorId(), command.schoolId(), command.displayName().strip(),
                command.email().strip(), command.subjects(), command.interests()));
    }

    public MentorProfile profile() {
        return new MentorProfile(mentorId, schoolId, email);
    }

    @EventSourcingHandler
    void on(MentorRegistered event) {
        id = AggregateIds.mentor(event.mentorId());
        mentorId = event.mentorId();
        schoolId = event.schoolId();
        email = event.email();
    }
}
