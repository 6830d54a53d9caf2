package uk.mentoring.reflection.reflection.api;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import uk.mentoring.contracts.ReflectionDepth;
import uk.mentoring.contracts.ReflectionModel;
import uk.mentoring.kit.domain.RuleViolation;
import uk.mentoring.kit.domain.SchoolTime;
import uk.mentoring.kit.pairings.ActivePairings.Member;
import uk.mentoring.kit.pairings.ActivePairings;
import uk.mentoring.kit.pairings.PairingDirectory.KnownPairing;
import uk.mentoring.kit.security.Caller;
import uk.mentoring.kit.security.ForRoles;
import uk.mentoring.kit.security.Role;
import uk.mentoring.kit.web.Created;
import uk.mentoring.reflection.reflection.ReflectionsAsWritten.WrittenReflection;
import uk.mentoring.reflection.reflection.ReflectionsAsWritten;
import uk.mentoring.reflection.reflection.ReviewReflection;
import uk.mentoring.reflection.reflection.SubmitReflection;

/** Reflection is the core skill: the mentee writes to a model; the mentor reads, judges the depth and answers. */
@RestController
class ReflectionsController {

    private static final String REFLECTION = "reflection";

    private final CommandGateway commands;
    private final ActivePairings pairings;
    private final ReflectionsAsWritten written;

    ReflectionsController(CommandGateway commands, ActivePairings pairings, ReflectionsAsWritten written) {
        this.commands = commands;
        this.pairings = pairings;
        this.written = written;
    }

    /**
     * The reflection in full, for the two people in its pairing: the mentor reads it to review it,
     * the mentee reads it back with the mentor's answer. The private note is the mentee's alone.
     * Nobody else reads it here; an auditor reads it in the mentee's audit record.
     */
    @GetMapping("/api/reflections/{reflectionId}")
    WrittenReflection read(@PathVariable UUID reflectionId, Caller caller) {
        KnownPairing pairing = pairings.forMemberOf(REFLECTION, reflectionId, caller, Member.EITHER);
        WrittenReflection reflection = written.find(reflectionId).orElseThrow(() -> RuleViolation.notFound("Reflection", reflectionId));
        return caller.is(pairing.menteeId()) ? reflection : reflection.withoutPrivateNote();
    }

    record SubmitRequest(@NotNull UUID pairingId, @NotNull ReflectionModel model, @NotEmpty @Size(max = 10) Map<String, @NotNull String> sections,
                         @NotNull ReflectionDepth selfAssessedDepth, @Size(max = 4000) String privateNote, String submittedAt) {
    }

    @ForRoles(value = Role.MENTEE, doing = "Writing a reflection")
    @PostMapping("/api/reflections")
    ResponseEntity<Created> submit(@Valid @RequestBody SubmitRequest request, Caller caller) {
        KnownPairing pairing = pairings.forMember(request.pairingId(), caller, Member.MENTEE);
        Instant submittedAt = ActivePairings.withinPairing(pairing, moment(request.submittedAt(), "submittedAt"), "submittedAt");
        UUID reflectionId = UUID.randomUUID();
        pairings.register(REFLECTION, reflectionId, pairing.pairingId());
        commands.sendAndWait(new SubmitReflection(reflectionId, pairing, request.model(), request.sections(), request.selfAssessedDepth(),
                request.privateNote(), submittedAt));
        return Created.at("/api/analytics/pairings/" + pairing.pairingId(), reflectionId);
    }

    record ReviewRequest(@NotNull ReflectionDepth assessedDepth, @NotBlank @Size(max = 4000) String feedback, String reviewedAt) {
    }

    @ForRoles(value = Role.MENTOR, doing = "Reviewing a reflection")
    @PostMapping("/api/reflections/{reflectionId}/review")
    ResponseEntity<Void> review(@PathVariable UUID reflectionId, @Valid @RequestBody ReviewRequest request, Caller caller) {
        KnownPairing pairing = pairings.forMemberOf(REFLECTION, reflectionId, caller, Member.MENTOR);
        commands.sendAndWait(new ReviewReflection(reflectionId, request.assessedDepth(), request.feedback(),
                ActivePairings.withinPairing(pairing, moment(request.reviewedAt(), "reviewedAt"), "reviewedAt")));
        return ResponseEntity.ok().build();
    }

    /** When it was written: now, unless the writer says it was earlier (a reflection typed up from a notebook). */
    private static Instant moment(String given, String field) {
        return given == null ? Instant.now() : ActivePairings.past(SchoolTime.parseMoment(given, field), field);
    }
}
