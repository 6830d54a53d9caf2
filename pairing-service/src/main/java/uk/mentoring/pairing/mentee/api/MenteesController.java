package uk.mentoring.pairing.mentee.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import uk.mentoring.contracts.MenteeStage;
import uk.mentoring.kit.domain.RuleViolation;
import uk.mentoring.kit.domain.SchoolTime;
import uk.mentoring.kit.security.Caller;
import uk.mentoring.kit.security.ForRoles;
import uk.mentoring.kit.security.Role;
import uk.mentoring.kit.security.SchoolAccess;
import uk.mentoring.kit.web.Created;
import uk.mentoring.pairing.mentee.EnrolMentee;
import uk.mentoring.pairing.mentee.MenteeStreams;
import uk.mentoring.pairing.mentee.MoveMentee;
import uk.mentoring.pairing.registration.Registration;
import uk.mentoring.pairing.registration.UniqueRegister;

@RestController
class MenteesController {

    private final CommandGateway commands;
    private final Registration registration;
    private final MenteeStreams mentees;

    MenteesController(CommandGateway commands, Registration registration, MenteeStreams mentees) {
        this.commands = commands;
        this.registration = registration;
        this.mentees = mentees;
    }

    record MoveRequest(@NotNull UUID toSchoolId, LocalDate movedOn) {
    }

    /** The school lead of a mentee's current school moves them to another school of the trust; their history goes with them. */
    @ForRoles(value = Role.SCHOOL_LEAD, doing = "Moving a mentee to another school")
    @PostMapping("/api/mentees/{menteeId}/move")
    ResponseEntity<Void> move(@PathVariable UUID menteeId, @Valid @RequestBody MoveRequest request, Caller caller) {
        UUID school = mentees.currentSchool(menteeId)
                .filter(found -> SchoolAccess.maySee(caller, found))
                .orElseThrow(() -> RuleViolation.notFound("Mentee", menteeId));
        SchoolAccess.requireLead(caller, school);
        commands.sendAndWait(new MoveMentee(menteeId, request.toSchoolId(), SchoolTime.pastDay(request.movedOn(), "movedOn")));
        return ResponseEntity.ok().build();
    }

    record EnrolMenteeRequest(
            @NotBlank @Size(max = 120) String displayName,
            @NotBlank @Email @Size(max = 254) String email,
            UUID personId,
            @NotNull MenteeStage stage,
            @Size(max = 20) List<@NotBlank @Size(max = 80) String> interests) {

        /** An address copied with a space either side is the same address, as the staff import reads it. */
        EnrolMenteeRequest {
            email = email == null ? null : email.strip();
        }
    }

    /** A school lead enrols a trainee, early career teacher or new leader of their school. */
    @ForRoles(value = Role.SCHOOL_LEAD, doing = "Enrolling a mentee")
    @PostMapping("/api/schools/{schoolId}/mentees")
    ResponseEntity<Created> enrol(@PathVariable UUID schoolId, @Valid @RequestBody EnrolMenteeRequest request, Caller caller) {
        SchoolAccess.requireLead(caller, schoolId);
        // the person's id at the trust's identity provider, so their own tokens name them; new if not known yet
        UUID menteeId = request.personId() != null ? request.personId() : UUID.randomUUID();
        if (request.personId() != null) {
            registration.requireNoOtherSchool(request.personId(), schoolId);
        }
        registration.register(UniqueRegister.Kind.MENTEE_EMAIL, request.email(), menteeId, schoolId, caller,
                () -> commands.sendAndWait(new EnrolMentee(menteeId, schoolId, request.displayName(), request.email(), request.stage(),
                        request.interests() == null ? List.of() : request.interests().stream().map(String::strip).toList())));
        return Created.at("/api/analytics/mentees/" + menteeId, menteeId);
    }
}
