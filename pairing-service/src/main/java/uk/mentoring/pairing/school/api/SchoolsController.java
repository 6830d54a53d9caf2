package uk.mentoring.pairing.school.api;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import uk.mentoring.contracts.SchoolPhase;
import uk.mentoring.kit.domain.RuleViolation;
import uk.mentoring.kit.security.Caller;
import uk.mentoring.kit.security.ForRoles;
import uk.mentoring.kit.security.Role;
import uk.mentoring.kit.web.Created;
import uk.mentoring.pairing.registration.Registration;
import uk.mentoring.pairing.registration.UniqueRegister;
import uk.mentoring.pairing.school.OnboardSchool;

@RestController
@RequestMapping("/api/schools")
class SchoolsController {

    private final CommandGateway commands;
    private final Registration registration;

    SchoolsController(CommandGateway commands, Registration registration) {
        this.commands = commands;
        this.registration = registration;
    }

    record OnboardSchoolRequest(
            @NotBlank @Size(max = 200) String name,
            @NotNull @Pattern(regexp = "[0-9]{6,7}", message = "must be the school's 6 or 7 digit unique reference number (URN)") String urn,
            @NotNull SchoolPhase phase,
            UUID schoolId) {
    }

    /** Trust leads bring a school of the trust onto the platform. */
    @ForRoles(value = Role.TRUST_LEAD, doing = "Onboarding a school")
    @PostMapping
    ResponseEntity<Created> onboard(@Valid @RequestBody OnboardSchoolRequest request, Caller caller) {
        if (!caller.has(Role.TRUST_LEAD)) {
            throw RuleViolation.forbidden("trust-leads-only", "Only trust leads onboard schools",
                    "Bringing a school onto the platform is for the trust's leads.");
        }
        // the school's id at the trust's identity provider (its school_ids claims), if the trust has one
        UUID schoolId = request.schoolId() != null ? request.schoolId() : OnboardSchool.idFor(request.urn());
        registration.register(UniqueRegister.Kind.SCHOOL_URN, request.urn(), schoolId, schoolId, caller,
                () -> commands.sendAndWait(new OnboardSchool(schoolId, request.name(), request.urn(), request.phase())));
        return Created.at("/api/analytics/schools/" + schoolId, schoolId);
    }
}
