package uk.mentoring.pairing.mentee;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import uk.mentoring.contracts.MenteeStage;
import uk.mentoring.contracts.pairing.MenteeEnrolled;
import uk.mentoring.contracts.pairing.PairingCreated;
import uk.mentoring.contracts.pairing.PairingEnded;
import uk.mentoring.kit.domain.RuleViolation;
import uk.mentoring.pairing.AggregateIds;
import uk.mentoring.pairing.mentor.MentorProfile;
import uk.mentoring.pairing.mentor.Mentors;
import uk.mentoring.pairing.school.Schools;

/**
 * A trainee, early career teacher or new leader, with the pairings they have had. The mentee is
 * the boundary of the rule that they have at most one active pairing, and their history stays
 * with them when they are paired again or move school.
 */
@Aggregate
public class Mentee {

    @AggregateIdentifier
    private String id;
    private UUID menteeId;
    private UUID schoolId;
    private String email;
    private MenteeStage stage;
    private UUID activePairing;
    private UUID activeMentor;
    private LocalDate activePairingSince;

    protected Mentee() {
        // rebuilt from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(EnrolMentee command, Schools schools) {
        if (menteeId != null) {
            throw RuleViolation.conflict("already-registered", "Already registered",
                    "A mentee with id " + command.menteeId() + " is already enrolled.");
        }
        if (!schools.isOnboarded(command.schoolId())) {
            throw RuleViolation.notFound("School", command.schoolId());
        }
        apply(new MenteeEnrolled(command.menteeId(), command.schoolId(), command.displayName().strip(),
                command.email().strip(), command.stage(), command.interests()));
    }

    @CommandHandler
    void handle(CreatePairing command, Mentors mentors) {
        if (!schoolId.equals(command.schoolId())) {
            throw RuleViolation.unprocessable("mentee-not-in-school", "Mentee is not in this school",
                    "Mentee " + menteeId + " is not enrolled in school " + command.schoolId() + ".");
        }
        MentorProfile mentor = mentors.byId(command.mentorId())
                .filter(found -> found.schoolId().equals(command.schoolId()))
                .orElseThrow(() -> RuleViolation.unprocessable("mentor-not-in-school", "Mentor is not in this school",
                        "Mentor " + command.mentorId() + " is not registered in school " + command.schoolId() + "."));
        if (mentor.mentorId().equals(menteeId) || mentor.isSamePersonAs(email)) {
            throw RuleViolation.unprocessable("mentor-is-mentee", "Mentor and mentee are the same person",
                    "A teacher cannot be paired with themself: the mentor and the mentee are the same person.");
        }
        if (activePairing != null) {
            throw RuleViolation.conflict("mentee-already-paired", "Mentee already has a mentor",
                    "Mentee " + menteeId + " is in active pairing " + activePairing + "; end it before pairing them again.");
        }
        apply(new PairingCreated(command.pairingId(), schoolId, mentor.mentorId(), menteeId,
                command.stage() != null ? command.stage() : stage, command.pairedOn()));
    }

    @CommandHandler
    void handle(EndPairing command) {
        if (!command.pairingId().equals(activePairing)) {
            throw RuleViolation.conflict("pairing-not-active", "Pairing is not active",
                    "Pairing " + command.pairingId() + " has already ended.");
        }
        if (command.endedOn().isBefore(activePairingSince)) {
            throw RuleViolation.unprocessable("ended-before-paired", "Pairing cannot end before it started",
                    "The pairing started on " + activePairingSince + "; it cannot end on " + command.endedOn() + ".");
        }
        apply(new PairingEnded(activePairing, schoolId, activeMentor, menteeId, command.reason(), command.endedOn()));
    }

    @EventSourcingHandler
    void on(MenteeEnrolled event) {
        id = AggregateIds.mentee(event.menteeId());
        menteeId = event.menteeId();
        schoolId = event.schoolId();
        email = event.email();
        stage = event.stage();
    }

    @EventSourcingHandler
    void on(PairingCreated event) {
        activePairing = event.pairingId();
        activeMentor = event.mentorId();
        activePairingSince = event.pairedOn();
    }

    @EventSourcingHandler
    void on(PairingEnded event) {
        activePairing = null;
        activeMentor = null;
        activePairingSince = null;
    }
}
