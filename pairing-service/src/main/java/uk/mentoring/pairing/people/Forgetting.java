package uk.mentoring.pairing.people;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

import uk.mentoring.contracts.pairing.PersonRole;
import uk.mentoring.eventstore.personaldata.PersonalDataKeys;
import uk.mentoring.kit.domain.RuleViolation;
import uk.mentoring.kit.domain.SchoolTime;
import uk.mentoring.kit.security.Caller;
import uk.mentoring.kit.security.Role;
import uk.mentoring.kit.security.SchoolAccess;
import uk.mentoring.pairing.mentee.ForgetMentee;
import uk.mentoring.pairing.mentee.MenteeStreams;
import uk.mentoring.pairing.mentor.ForgetMentor;
import uk.mentoring.pairing.mentor.MentorStreams;
import uk.mentoring.pairing.registration.UniqueRegister;

/**
 * Forgetting a person at their request (UK GDPR erasure). The event that says so is recorded
 * first, so the other services hear of it even if this one stops half way; then this service's key
 * of the person is destroyed and their entries in the register of unique addresses given back.
 * Every step may be repeated, and every request is announced again, so asking again finishes what
 * a failure interrupted, here or in a service that missed the first announcement.
 */
@Service
public class Forgetting {

    private final CommandGateway commands;
    private final MenteeStreams mentees;
    private final MentorStreams mentors;
    private final PersonalDataKeys keys;
    private final UniqueRegister register;

    Forgetting(CommandGateway commands, MenteeStreams mentees, MentorStreams mentors, PersonalDataKeys keys, UniqueRegister register) {
        this.commands = commands;
        this.mentees = mentees;
        this.mentors = mentors;
        this.keys = keys;
        this.register = register;
    }

    /** What was forgotten: a person may be both a mentee and, in their own school, a mentor. */
    public record Forgotten(UUID personId, UUID schoolId, List<PersonRole> roles, LocalDate forgottenOn) {
    }

    /** The school lead of the person's school or the trust lead; anyone else cannot tell the person exists. */
    public Forgotten forget(UUID personId, Caller caller) {
        Optional<UUID> asMentee = mentees.currentSchool(personId);
        Optional<UUID> asMentor = mentors.school(personId);
        UUID school = asMentee.or(() -> asMentor)
                .filter(found -> SchoolAccess.maySee(caller, found))
                .orElseThrow(() -> RuleViolation.notFound("Person", personId));
        if (!caller.has(Role.TRUST_LEAD) && !caller.leads(school)) {
            throw RuleViolation.forbidden("forget-needs-lead", "Only a lead can forget a person",
                    "A person is forgotten at the request of the school lead of their school or the trust lead.");
        }
        LocalDate today = SchoolTime.today();
        List<PersonRole> roles = new ArrayList<>();
        if (asMentee.isPresent()) {
            commands.sendAndWait(new ForgetMentee(personId, today));
            roles.add(PersonRole.MENTEE);
        }
        if (asMentor.isPresent()) {
            commands.sendAndWait(new ForgetMentor(personId, today));
            roles.add(PersonRole.MENTOR);
        }
        keys.forget(personId);
        register.releaseAllHeldBy(personId);
        return new Forgotten(personId, school, List.copyOf(roles), today);
    }
}
