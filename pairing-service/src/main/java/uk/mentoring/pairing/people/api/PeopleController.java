package uk.mentoring.pairing.people.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import uk.mentoring.contracts.pairing.PersonRole;
import uk.mentoring.kit.security.Caller;
import uk.mentoring.kit.security.ForRoles;
import uk.mentoring.kit.security.Role;
import uk.mentoring.pairing.people.Forgetting;

@RestController
class PeopleController {

    private final Forgetting forgetting;

    PeopleController(Forgetting forgetting) {
        this.forgetting = forgetting;
    }

    record ForgetAnswer(UUID personId, UUID schoolId, List<PersonRole> roles, LocalDate forgottenOn, String detail) {
    }

    /**
     * The school lead of a person's school, or the trust lead, has a mentor or mentee forgotten at
     * their request. 202: this service has destroyed its key; the meeting and reflection services
     * destroy theirs as they read the news from the pairing topic. Asking again announces it again.
     */
    @ForRoles(value = {Role.TRUST_LEAD, Role.SCHOOL_LEAD}, doing = "Forgetting a person")
    @PostMapping("/api/people/{personId}/forget")
    ResponseEntity<ForgetAnswer> forget(@PathVariable UUID personId, Caller caller) {
        Forgetting.Forgotten forgotten = forgetting.forget(personId, caller);
        return ResponseEntity.accepted().body(new ForgetAnswer(forgotten.personId(), forgotten.schoolId(), forgotten.roles(),
                forgotten.forgottenOn(), detail(forgotten.roles())));
    }

    /**
     * What is erased, told truthfully: what a mentor wrote about a mentee (meeting notes, feedback)
     * belongs to that mentee's record and goes when the mentee is forgotten, not with the mentor.
     */
    private static String detail(List<PersonRole> roles) {
        String where = " are being erased wherever they were recorded: at once here, in the meeting and reflection services as they read the news. "
                + "Counts, dates and depths stay.";
        if (roles.contains(PersonRole.MENTEE)) {
            return "Their name, contact details, interests and everything written in their record, by them or about them," + where;
        }
        return "Their name, contact details and interests" + where + " What they wrote in their mentees' records (meeting notes, "
                + "observations, feedback) is part of those records, and is erased when the mentee is forgotten.";
    }
}
