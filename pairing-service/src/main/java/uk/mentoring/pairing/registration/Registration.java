package uk.mentoring.pairing.registration;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import uk.mentoring.kit.domain.RuleViolation;
import uk.mentoring.kit.security.Caller;
import uk.mentoring.pairing.mentee.MenteeStreams;
import uk.mentoring.pairing.mentor.MentorStreams;

/**
 * Registers a school, a mentor or a mentee once: the value that must be unique (URN, email
 * address) is claimed first, the registration recorded, and the claim given back if recording
 * fails.
 */
@Service
public class Registration {

    private final UniqueRegister register;
    private final MenteeStreams mentees;
    private final MentorStreams mentors;

    Registration(UniqueRegister register, MenteeStreams mentees, MentorStreams mentors) {
        this.register = register;
        this.mentees = mentees;
        this.mentors = mentors;
    }

    /**
     * A person's id from the trust's identity provider, given with a registration, belongs to one
     * school at a time: a lead who registered another school's person under it would let that
     * person's own token into this school's pairings. The same person may be a mentor and a mentee
     * of one school (a teacher moving into leadership mentors while being mentored).
     */
    public void requireNoOtherSchool(UUID personId, UUID schoolId) {
        Optional<UUID> theirSchool = mentees.currentSchool(personId).or(() -> mentors.school(personId));
        if (theirSchool.filter(school -> !school.equals(schoolId)).isPresent()) {
            throw RuleViolation.conflict("person-in-another-school", "A person of another school",
                    "personId " + personId + " is a person of another school of the trust, and a person belongs to one school at a time."
                            + " A mentee who has moved is moved by the lead of their current school.");
        }
    }

    /** Who holds the value, if anyone does, with the school they are in now. */
    public Optional<UniqueRegister.Holder> holderOf(UniqueRegister.Kind kind, String value) {
        return register.holderOf(kind, value).map(holder -> now(kind, holder));
    }

    public void register(UniqueRegister.Kind kind, String value, UUID id, UUID schoolId, Caller caller, Runnable record) {
        register.claim(kind, value, id, schoolId).map(holder -> now(kind, holder)).ifPresent(holder -> {
            throw alreadyRegistered(kind, holder, caller);
        });
        try {
            record.run();
        } catch (RuntimeException failure) {
            register.release(kind, value, id);
            throw failure;
        }
    }

    /**
     * A claim names the school the person registered in; a mentee may have moved since, and then
     * it is their new school's lead who is told they are there, and their old school's who is not.
     */
    private UniqueRegister.Holder now(UniqueRegister.Kind kind, UniqueRegister.Holder holder) {
        if (kind != UniqueRegister.Kind.MENTEE_EMAIL) {
            return holder;
        }
        return new UniqueRegister.Holder(holder.holderId(), mentees.currentSchool(holder.holderId()).orElse(holder.schoolId()));
    }

    private static RuleViolation alreadyRegistered(UniqueRegister.Kind kind, UniqueRegister.Holder holder, Caller caller) {
        if (kind == UniqueRegister.Kind.SCHOOL_URN) {
            return RuleViolation.conflict("school-already-onboarded", "School already onboarded",
                    "A school with this URN is already on the platform (school id " + holder.holderId() + ").");
        }
        boolean mentor = kind == UniqueRegister.Kind.MENTOR_EMAIL;
        String who = mentor ? "mentor" : "mentee";
        // another school's people stay unnamed; the advice is what a lead can actually do next
        String detail = caller.leads(holder.schoolId())
                ? "A " + who + " with this email address is already registered in your school (" + who + " id " + holder.holderId() + ")."
                : mentor
                        ? "A mentor with this email address is already registered in another school of the trust; a mentor belongs to one school."
                        : "A mentee with this email address is already registered in another school of the trust. If they have moved to your school, "
                                + "the lead of their current school moves them, and their history comes with them.";
        return RuleViolation.conflict("already-registered", "Already registered", detail);
    }
}
