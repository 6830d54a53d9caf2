package uk.mentoring.pairing.people;

import java.util.UUID;

import org.springframework.stereotype.Service;

import uk.mentoring.kit.domain.RuleViolation;
import uk.mentoring.kit.security.Caller;

/**
 * Registers a mentor or enrols a mentee once: the email address is claimed first, the
 * registration recorded, and the claim given back if recording fails.
 */
@Service
public class Registration {

    private final PersonRegister register;

    Registration(PersonRegister register) {
        this.register = register;
    }

    public void register(PersonRegister.Role role, String email, UUID personId, UUID schoolId, Caller caller, Runnable record) {
        register.claim(role, email, personId, schoolId).ifPresent(holder -> {
            throw alreadyRegistered(role, holder, caller);
        });
        try {
            record.run();
        } catch (RuntimeException failure) {
            register.release(role, email, personId);
            throw failure;
        }
    }

    private static RuleViolation alreadyRegistered(PersonRegister.Role role, PersonRegister.Holder holder, Caller caller) {
        String who = role == PersonRegister.Role.MENTOR ? "mentor" : "mentee";
        String detail = caller.leads(holder.schoolId())
                ? "A " + who + " with this email address is already registered in your school (" + who + " id " + holder.personId() + ")."
                : "A " + who + " with this email address is already registered in the trust. If they moved to your school, ask the trust lead to move them.";
        return RuleViolation.conflict("already-registered", "Already registered", detail);
    }
}
