package uk.mentoring.pairing.mentee;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import uk.mentoring.contracts.MenteeStage;
import uk.mentoring.contracts.SealedText;
import uk.mentoring.contracts.SupportLevel;
import uk.mentoring.contracts.pairing.GroundRulesAgreed;
import uk.mentoring.contracts.pairing.MenteeEnrolled;
import uk.mentoring.contracts.pairing.MenteeMovedSchool;
import uk.mentoring.contracts.pairing.PairingCreated;
import uk.mentoring.contracts.pairing.PairingEndReason;
import uk.mentoring.contracts.pairing.PairingEnded;
import uk.mentoring.contracts.pairing.PersonForgotten;
import uk.mentoring.contracts.pairing.PersonRole;
import uk.mentoring.contracts.pairing.SupportLevelChanged;
import uk.mentoring.kit.domain.RuleViolation;
import uk.mentoring.kit.domain.SchoolTime;
import uk.mentoring.pairing.AggregateIds;
import uk.mentoring.pairing.mentor.MentorProfile;
import uk.mentoring.pairing.mentor.Mentors;
import uk.mentoring.pairing.school.Schools;

/**
 * A trainee, early career teacher or new leader, with the pairings they have had. The mentee is
 * the boundary of the rule that they have at most one active pairing, and their history stays
 * with them when they are paired again or move school.
 */
@Aggregate(cache = "aggregateCache")
public class Mentee {

    @AggregateIdentifier
    private String id;
    private UUID menteeId;
    private UUID schoolId;
    private String email;
    /** Forgotten at their request: nothing new is recorded about them, though a pairing under way may still be ended. */
    private boolean forgotten;
    private MenteeStage stage;
    private ActivePairing active;
    /** The day the last pairing in their current school ended, and the day they arrived there if they moved in. */
    private LocalDate lastEndedOn;
    private LocalDate arrivedOn;

    /**
     * The pairing the mentee is in now: every pairing starts with intensive support.
     *
     * @param supportSince the day support last changed (the day of pairing, until it does): the
     *                     levels must follow one another in time as they do in the pairing's history
     * @param rulesAgreedOn the day the ground rules were last agreed, null before they are: rules
     *                     agreed again replace them, so they cannot be dated before the ones they replace
     */
    private record ActivePairing(UUID pairingId, UUID mentorId, LocalDate since, SupportLevel support, LocalDate supportSince,
                                 LocalDate rulesAgreedOn) {
        ActivePairing withSupport(SupportLevel level, LocalDate on) {
            return new ActivePairing(pairingId, mentorId, since, level, on, rulesAgreedOn);
        }

        ActivePairing withRulesAgreed(LocalDate on) {
            return new ActivePairing(pairingId, mentorId, since, support, supportSince, on);
        }
    }

    protected Mentee() {
        // rebuilt from its events
    }

    /** Always a new stream: an id already taken is refused by the event store's unique index. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(EnrolMentee command, Schools schools) {
        if (!schools.isOnboarded(command.schoolId())) {
            throw RuleViolation.notFound("School", command.schoolId());
        }
        apply(new MenteeEnrolled(command.menteeId(), command.schoolId(), command.displayName().strip(),
                command.email().strip(), command.stage(), command.interests()));
    }

    @CommandHandler
    void handle(CreatePairing command, Mentors mentors) {
        if (!schoolId.equals(command.schoolId())) {
            // worded as for an id nobody holds: another school's mentee is not this school's to know of
            throw RuleViolation.unprocessable("mentee-not-in-school", "Mentee is not in this school",
                    "No mentee " + menteeId + " is enrolled in school " + command.schoolId() + ".");
        }
        requireNotForgotten();
        MentorProfile mentor = mentors.byId(command.mentorId())
                .filter(found -> found.schoolId().equals(command.schoolId()))
                .orElseThrow(() -> RuleViolation.unprocessable("mentor-not-in-school", "Mentor is not in this school",
                        "Mentor " + command.mentorId() + " is not registered in school " + command.schoolId() + "."));
        if (mentor.forgotten()) {
            throw RuleViolation.conflict("person-forgotten", "Forgotten", "Mentor " + mentor.mentorId() + " has been forgotten; nothing new is recorded about them.");
        }
        if (mentor.mentorId().equals(menteeId) || mentor.isSamePersonAs(email)) {
            throw RuleViolation.unprocessable("mentor-is-mentee", "Mentor and mentee are the same person",
                    "A teacher cannot be paired with themself: the mentor and the mentee are the same person.");
        }
        if (mentor.isAwayOn(command.pairedOn())) {
            throw RuleViolation.conflict("mentor-unavailable", "Mentor is away",
                    "Mentor " + mentor.mentorId() + " is unavailable from " + mentor.unavailableFrom()
                            + (mentor.unavailableTo() != null ? " to " + mentor.unavailableTo() : "") + "; choose another mentor.");
        }
        if (active != null) {
            throw RuleViolation.conflict("mentee-already-paired", "Mentee already has a mentor",
                    "Mentee " + menteeId + " is in active pairing " + active.pairingId() + "; end it before pairing them again.");
        }
        apply(new PairingCreated(command.pairingId(), schoolId, mentor.mentorId(), menteeId,
                command.stage() != null ? command.stage() : stage, command.pairedOn()));
    }

    @CommandHandler
    void handle(AgreeGroundRules command) {
        ActivePairing pairing = requireActive(command.pairingId());
        if (command.weeklyDay() == DayOfWeek.SATURDAY || command.weeklyDay() == DayOfWeek.SUNDAY) {
            // the weekly meeting is protected time in the school week; cadence is counted in school weeks
            throw RuleViolation.unprocessable("weekly-slot-on-a-school-day", "The weekly meeting is on a school day",
                    "weeklyDay is " + command.weeklyDay() + "; the weekly meeting falls on a school day, MONDAY to FRIDAY.");
        }
        requireWithinPairing(pairing, command.agreedOn(), "agreedOn");
        if (pairing.rulesAgreedOn() != null && command.agreedOn().isBefore(pairing.rulesAgreedOn())) {
            throw RuleViolation.unprocessable("before-last-ground-rules", "Before the ground rules in place",
                    "The ground rules in place were agreed on " + pairing.rulesAgreedOn() + "; rules that replace them cannot be dated "
                            + command.agreedOn() + ".");
        }
        apply(new GroundRulesAgreed(pairing.pairingId(), schoolId, pairing.mentorId(), menteeId, command.rules().stream().map(String::strip).toList(),
                command.weeklyDay(), command.weeklyTime(), command.room().strip(), command.agreedOn()));
    }

    /** Support is taken away one step at a time as the mentee grows; it may come back at once, for a reason. */
    @CommandHandler
    void handle(ChangeSupportLevel command) {
        ActivePairing pairing = requireActive(command.pairingId());
        requireWithinPairing(pairing, command.changedOn(), "changedOn");
        SupportLevel from = pairing.support();
        if (command.changedOn().isBefore(pairing.supportSince())) {
            throw RuleViolation.unprocessable("before-last-support-change", "Before the last change of support",
                    "Support changed to " + from + " on " + pairing.supportSince() + "; a later change cannot be dated " + command.changedOn() + ".");
        }
        SupportLevel to = command.level();
        if (from == to) {
            throw RuleViolation.conflict("support-unchanged", "Support level unchanged", "The mentee's support is already " + to + ".");
        }
        boolean steppingUp = to.isMoreSupportThan(from);
        if (!steppingUp && to.ordinal() - from.ordinal() > 1) {
            throw RuleViolation.unprocessable("support-steps-down-gradually", "Support is withdrawn one step at a time",
                    "From " + from + " support steps down to " + SupportLevel.values()[from.ordinal() + 1] + " first, not straight to " + to + ".");
        }
        if (steppingUp && command.increaseReason() == null) {
            throw RuleViolation.unprocessable("support-increase-needs-reason", "Why more support?",
                    "Stepping support back up from " + from + " to " + to + " needs an increaseReason.");
        }
        if (!steppingUp && command.increaseReason() != null) {
            throw RuleViolation.unprocessable("support-decrease-has-no-reason", "A reason is for more support",
                    "increaseReason says why support steps back up; from " + from + " to " + to + " it steps down, so leave it out.");
        }
        apply(new SupportLevelChanged(pairing.pairingId(), schoolId, pairing.mentorId(), menteeId, from, to, command.increaseReason(),
                command.changedOn()));
    }

    @CommandHandler
    EndPairing.Ended handle(EndPairing command) {
        ActivePairing pairing = requireActive(command.pairingId());
        if (command.reason() == PairingEndReason.MENTEE_MOVED_SCHOOL) {
            // ended here, the mentee would stay in this school's list, waiting for a mentor they will never have here
            throw RuleViolation.unprocessable("move-the-mentee", "Move the mentee instead",
                    "A mentee who has moved school is moved, with POST /api/mentees/" + menteeId + "/move {toSchoolId, movedOn}:"
                            + " their pairing here ends on that day and their history goes with them.");
        }
        if (command.reason() == PairingEndReason.MENTEE_INDEPENDENT && pairing.support().compareTo(SupportLevel.LIGHT) < 0) {
            // independence is reached by taking support away step by step; declared from more support, it would lift the
            // independence figures with a mentee who was never weaned off it
            throw RuleViolation.unprocessable("not-yet-independent", "Support has not been stepped down",
                    "Support is " + pairing.support() + ": a mentee is independent once support has been stepped down to LIGHT, one step at a time"
                            + " (POST /api/pairings/" + pairing.pairingId() + "/support-level). To end the pairing now, give the reason that"
                            + " applies, such as PROGRAMME_COMPLETED or OTHER.");
        }
        LocalDate endedOn = command.endedOn();
        boolean calledOff = false;
        if (endedOn.isBefore(pairing.since())) {
            if (!pairing.since().isAfter(SchoolTime.today())) {
                throw RuleViolation.unprocessable("ended-before-paired", "Pairing cannot end before it started",
                        "The pairing started on " + pairing.since() + "; it cannot end on " + endedOn + ".");
            }
            // called off before it began: it ends on the day it was to start, so it is never under way
            endedOn = pairing.since();
            calledOff = true;
        }
        if (endedOn.isBefore(pairing.supportSince())) {
            throw RuleViolation.unprocessable("before-last-support-change", "Before the last change of support",
                    "Support changed to " + pairing.support() + " on " + pairing.supportSince() + "; the pairing cannot end before that, on "
                            + endedOn + ".");
        }
        apply(new PairingEnded(pairing.pairingId(), schoolId, pairing.mentorId(), menteeId, command.reason(), endedOn));
        return new EndPairing.Ended(pairing.pairingId(), endedOn, calledOff);
    }

    /** A teacher changing school within the trust keeps their history; their pairing ends with the move. */
    @CommandHandler
    void handle(MoveMentee command, Schools schools) {
        requireNotForgotten();
        if (command.toSchoolId().equals(schoolId)) {
            throw RuleViolation.conflict("already-in-school", "Already in that school", "Mentee " + menteeId + " is already in school " + schoolId + ".");
        }
        if (!schools.isOnboarded(command.toSchoolId())) {
            throw RuleViolation.unprocessable("unknown-school", "No such school in the trust",
                    "School " + command.toSchoolId() + " is not on the platform.");
        }
        // a move follows in time what the mentee's record in this school already holds
        if (active != null && !active.since().isAfter(SchoolTime.today()) && command.movedOn().isBefore(active.since())) {
            throw RuleViolation.unprocessable("moved-before-pairing", "Before the pairing in this school",
                    "Mentee " + menteeId + " has been in pairing " + active.pairingId() + " here since " + active.since()
                            + "; a move cannot be dated " + command.movedOn() + ", before it.");
        }
        if (active == null && lastEndedOn != null && !lastEndedOn.isAfter(SchoolTime.today()) && command.movedOn().isBefore(lastEndedOn)) {
            throw RuleViolation.unprocessable("moved-before-pairing-ended", "Before the last pairing ended",
                    "Mentee " + menteeId + "'s last pairing here ended on " + lastEndedOn + "; a move cannot be dated " + command.movedOn() + ", before that.");
        }
        if (arrivedOn != null && command.movedOn().isBefore(arrivedOn)) {
            throw RuleViolation.unprocessable("moved-before-arriving", "Before they arrived",
                    "Mentee " + menteeId + " moved to this school on " + arrivedOn + "; a move on cannot be dated " + command.movedOn() + ", before that.");
        }
        if (active != null) {
            // a move dated before what the pairing already records ends it on the last day it has a record of;
            // a pairing made to start after the move is called off on the day it was to start
            LocalDate endedOn = command.movedOn().isBefore(active.supportSince()) ? active.supportSince() : command.movedOn();
            apply(new PairingEnded(active.pairingId(), schoolId, active.mentorId(), menteeId, PairingEndReason.MENTEE_MOVED_SCHOOL, endedOn));
        }
        apply(new MenteeMovedSchool(menteeId, schoolId, command.toSchoolId(), command.movedOn()));
    }

    /**
     * Every request to forget is recorded and announced, even for someone forgotten already: a
     * service that missed the first announcement destroys its key on hearing the next.
     */
    @CommandHandler
    void handle(ForgetMentee command) {
        apply(new PersonForgotten(menteeId, schoolId, PersonRole.MENTEE, command.forgottenOn()));
    }

    private void requireNotForgotten() {
        if (forgotten) {
            throw RuleViolation.conflict("person-forgotten", "Forgotten", "Mentee " + menteeId + " has been forgotten; nothing new is recorded about them.");
        }
    }

    private ActivePairing requireActive(UUID pairingId) {
        if (active == null || !active.pairingId().equals(pairingId)) {
            throw RuleViolation.conflict("pairing-not-active", "Pairing is not active", "Pairing " + pairingId + " has ended.");
        }
        return active;
    }

    private static void requireWithinPairing(ActivePairing pairing, LocalDate day, String field) {
        if (day.isBefore(pairing.since())) {
            throw RuleViolation.unprocessable("before-pairing-started", "Before the pairing started",
                    field + " (" + day + ") is before the pairing started on " + pairing.since() + ".");
        }
    }

    @EventSourcingHandler
    void on(MenteeEnrolled event) {
        id = AggregateIds.mentee(event.menteeId());
        menteeId = event.menteeId();
        schoolId = event.schoolId();
        email = SealedText.isErased(event.email()) ? null : event.email();
        stage = event.stage();
    }

    @EventSourcingHandler
    void on(PairingCreated event) {
        active = new ActivePairing(event.pairingId(), event.mentorId(), event.pairedOn(), SupportLevel.INTENSIVE, event.pairedOn(), null);
    }

    @EventSourcingHandler
    void on(GroundRulesAgreed event) {
        active = active.withRulesAgreed(event.agreedOn());
    }

    @EventSourcingHandler
    void on(SupportLevelChanged event) {
        active = active.withSupport(event.to(), event.changedOn());
    }

    @EventSourcingHandler
    void on(PairingEnded event) {
        active = null;
        lastEndedOn = event.endedOn();
    }

    @EventSourcingHandler
    void on(PersonForgotten event) {
        email = null;
        forgotten = true;
    }

    @EventSourcingHandler
    void on(MenteeMovedSchool event) {
        schoolId = event.toSchoolId();
        arrivedOn = event.movedOn();
        lastEndedOn = null;
    }
}
