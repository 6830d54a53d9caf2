package uk.mentoring.pairing.mentor.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import uk.mentoring.kit.domain.RuleViolation;
import uk.mentoring.kit.security.Caller;
import uk.mentoring.kit.security.ForRoles;
import uk.mentoring.kit.security.Role;
import uk.mentoring.kit.security.SchoolAccess;
import uk.mentoring.kit.web.Created;
import uk.mentoring.pairing.mentor.ChangeMentorAvailability;
import uk.mentoring.pairing.mentor.MentorStreams;
import uk.mentoring.pairing.mentor.RegisterMentor;
import uk.mentoring.pairing.registration.Registration;
import uk.mentoring.pairing.registration.UniqueRegister;

@RestController
class MentorsController {

    private final CommandGateway commands;
    private final Registration registration;
    private final MentorStreams mentors;

    MentorsController(CommandGateway commands, Registration registration, MentorStreams mentors) {
        this.commands = commands;
        this.registration = registration;
        this.mentors = mentors;
    }

    record RegisterMentorRequest(
            @NotBlank @Size(max = 120) String displayName,
            @NotBlank @Email @Size(max = 254) String email,
            UUID personId,
            @Size(max = 20) List<@NotBlank @Size(max = 80) String> subjects,
            @Size(max = 20) List<@NotBlank @Size(max = 80) String> interests) {

        /** An address copied with a space either side is the same address, as the staff import reads it. */
        RegisterMentorRequest {
            email = email == null ? null : email.strip();
        }
    }

    /** A school lead registers a teacher of their school as a mentor. */
    @ForRoles(value = Role.SCHOOL_LEAD, doing = "Registering a mentor")
    @PostMapping("/api/schools/{schoolId}/mentors")
    ResponseEntity<Created> register(@PathVariable UUID schoolId, @Valid @RequestBody RegisterMentorRequest request, Caller caller) {
        SchoolAccess.requireLead(caller, schoolId);
        // the person's id at the trust's identity provider, so their own tokens name them; new if not known yet
        UUID mentorId = request.personId() != null ? request.personId() : UUID.randomUUID();
        if (request.personId() != null) {
            registration.requireNoOtherSchool(request.personId(), schoolId);
        }
        registration.register(UniqueRegister.Kind.MENTOR_EMAIL, request.email(), mentorId, schoolId, caller,
                () -> commands.sendAndWait(new RegisterMentor(mentorId, schoolId, request.displayName(), request.email(),
                        orEmpty(request.subjects()), orEmpty(request.interests()))));
        return Created.at("/api/analytics/mentors/" + mentorId, mentorId);
    }

    record AvailabilityRequest(LocalDate unavailableFrom, LocalDate unavailableTo) {
    }

    /** A mentor will be away: their school lead (or they themself) says from when to when, so nobody pairs them meanwhile. */
    @ForRoles(value = {Role.SCHOOL_LEAD, Role.MENTOR}, doing = "Saying when a mentor is away")
    @PostMapping("/api/schools/{schoolId}/mentors/{mentorId}/availability")
    ResponseEntity<Void> availability(@PathVariable UUID schoolId, @PathVariable UUID mentorId, @Valid @RequestBody AvailabilityRequest request,
                                      Caller caller) {
        if (!(caller.has(Role.MENTOR) && caller.is(mentorId) && caller.schoolIds().contains(schoolId))) {
            SchoolAccess.requireLead(caller, schoolId);
        }
        if (!mentors.isInSchool(mentorId, schoolId)) {
            throw RuleViolation.notFound("Mentor", mentorId);
        }
        commands.sendAndWait(new ChangeMentorAvailability(mentorId, request.unavailableFrom(), request.unavailableTo()));
        return ResponseEntity.ok().build();
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).toList();
    }
}
