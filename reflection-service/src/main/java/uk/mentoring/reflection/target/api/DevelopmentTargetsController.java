package uk.mentoring.reflection.target.api;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import uk.mentoring.contracts.reflection.IdentifiedBy;
import uk.mentoring.kit.domain.RuleViolation;
import uk.mentoring.kit.domain.SchoolTime;
import uk.mentoring.kit.pairings.ActivePairings.Member;
import uk.mentoring.kit.pairings.ActivePairings;
import uk.mentoring.kit.pairings.PairingDirectory.KnownPairing;
import uk.mentoring.kit.security.Caller;
import uk.mentoring.kit.security.ForRoles;
import uk.mentoring.kit.security.Role;
import uk.mentoring.kit.web.Created;
import uk.mentoring.reflection.target.MeetDevelopmentTarget;
import uk.mentoring.reflection.target.SetDevelopmentTarget;
import uk.mentoring.reflection.target.TargetsAsSet.SetTarget;
import uk.mentoring.reflection.target.TargetsAsSet;

/**
 * Development targets, set by the mentee or the mentor. Who identified the need is taken from who
 * sets the target, never from the request: a mentee naming their own targets is the sign of an
 * independent professional, and the dashboards count it.
 */
@RestController
class DevelopmentTargetsController {

    private static final String TARGET = "target";

    private final CommandGateway commands;
    private final ActivePairings pairings;
    private final TargetsAsSet targets;

    DevelopmentTargetsController(CommandGateway commands, ActivePairings pairings, TargetsAsSet targets) {
        this.commands = commands;
        this.pairings = pairings;
        this.targets = targets;
    }

    /** The target in the words it was set in, for the two people in its pairing. */
    @GetMapping("/api/development-targets/{targetId}")
    SetTarget read(@PathVariable UUID targetId, Caller caller) {
        pairings.forMemberOf(TARGET, targetId, caller, Member.EITHER);
        return targets.find(targetId).orElseThrow(() -> RuleViolation.notFound("Target", targetId));
    }

    record TargetRequest(@NotNull UUID pairingId, @NotBlank @Size(max = 300) String area, LocalDate setOn) {
    }

    @ForRoles(value = {Role.MENTOR, Role.MENTEE}, doing = "Setting a development target")
    @PostMapping("/api/development-targets")
    ResponseEntity<Created> set(@Valid @RequestBody TargetRequest request, Caller caller) {
        KnownPairing pairing = pairings.forMember(request.pairingId(), caller, Member.EITHER);
        IdentifiedBy identifiedBy = caller.is(pairing.menteeId()) ? IdentifiedBy.MENTEE : IdentifiedBy.MENTOR;
        LocalDate setOn = ActivePairings.withinPairing(pairing, SchoolTime.pastDay(request.setOn(), "setOn"), "setOn");
        UUID targetId = UUID.randomUUID();
        pairings.register(TARGET, targetId, pairing.pairingId());
        commands.sendAndWait(new SetDevelopmentTarget(targetId, pairing, request.area(), identifiedBy, setOn));
        return Created.at("/api/analytics/pairings/" + pairing.pairingId(), targetId);
    }

    record MetRequest(LocalDate metOn) {
    }

    @ForRoles(value = {Role.MENTOR, Role.MENTEE}, doing = "Marking a target as met")
    @PostMapping("/api/development-targets/{targetId}/met")
    ResponseEntity<SetTarget> met(@PathVariable UUID targetId, @Valid @RequestBody(required = false) MetRequest request, Caller caller) {
        KnownPairing pairing = pairings.forMemberOf(TARGET, targetId, caller, Member.EITHER);
        commands.sendAndWait(new MeetDevelopmentTarget(targetId,
                ActivePairings.withinPairing(pairing, SchoolTime.pastDay(request == null ? null : request.metOn(), "metOn"), "metOn")));
        // the target as it now stands, met on the day recorded
        return ResponseEntity.ok(targets.find(targetId).orElseThrow());
    }
}
