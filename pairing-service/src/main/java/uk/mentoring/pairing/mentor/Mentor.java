package uk.mentoring.pairing.mentor;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import uk.mentoring.contracts.SealedText;
import uk.mentoring.contracts.pairing.MentorAvailabilityChanged;
import uk.mentoring.contracts.pairing.MentorRegistered;
import uk.mentoring.contracts.pairing.PersonForgotten;
import uk.mentoring.contracts.pairing.PersonRole;
import uk.mentoring.kit.domain.RuleViolation;
import uk.mentoring.pairing.AggregateIds;
import uk.mentoring.pairing.school.Schools;

/** A teacher of a school who mentors others. */
@Aggregate(cache = "aggregateCache")
public class Mentor {

    @AggregateIdentifier
    private String id;
    private UUID mentorId;
    private UUID schoolId;
    private String email;
    /** Forgotten at their request: nothing new is recorded about them. */
    private boolean forgotten;
    private LocalDate unavailableFrom;
    private LocalDate unavailableTo;

    protected Mentor() {
        // rebuilt from its events
    }

    /** Always a new stream: an id already taken is refused by the event store's unique index. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(RegisterMentor command, Schools schools) {
        if (!schools.isOnboarded(command.schoolId())) {
            throw RuleViolation.notFound("School", command.schoolId());
        }
        apply(new MentorRegistered(command.mentorId(), command.schoolId(), command.displayName().strip(),
                command.email().strip(), command.subjects(), command.interests()));
    }

    @CommandHandler
    void handle(ChangeMentorAvailability command) {
        if (forgotten) {
            throw RuleViolation.conflict("person-forgotten", "Forgotten", "Mentor " + mentorId + " has been forgotten; nothing new is recorded about them.");
        }
        if (command.unavailableFrom() == null && command.unavailableTo() != null) {
            throw RuleViolation.unprocessable("availability-without-start", "Away until when, from when?",
                    "unavailableTo needs an unavailableFrom; leave both out when the mentor is available again.");
        }
        if (command.unavailableTo() != null && command.unavailableTo().isBefore(command.unavailableFrom())) {
            throw RuleViolation.unprocessable("availability-ends-before-it-starts", "Away period ends before it starts",
                    "unavailableTo (" + command.unavailableTo() + ") is before unavailableFrom (" + command.unavailableFrom() + ").");
        }
        apply(new MentorAvailabilityChanged(mentorId, schoolId, command.unavailableFrom(), command.unavailableTo()));
    }

    /**
     * Every request to forget is recorded and announced, even for someone forgotten already: a
     * service that missed the first announcement destroys its key on hearing the next.
     */
    @CommandHandler
    void handle(ForgetMentor command) {
        apply(new PersonForgotten(mentorId, schoolId, PersonRole.MENTOR, command.forgottenOn()));
    }

    public MentorProfile profile() {
        return new MentorProfile(mentorId, schoolId, email, unavailableFrom, unavailableTo, forgotten);
    }

    @EventSourcingHandler
    void on(MentorAvailabilityChanged event) {
        unavailableFrom = event.unavailableFrom();
        unavailableTo = event.unavailableTo();
    }

    @EventSourcingHandler
    void on(MentorRegistered event) {
        id = AggregateIds.mentor(event.mentorId());
        mentorId = event.mentorId();
        schoolId = event.schoolId();
        email = SealedText.isErased(event.email()) ? null : event.email();
    }

    @EventSourcingHandler
    void on(PersonForgotten event) {
        email = null;
        forgotten = true;
    }
}
