package uk.mentoring.pairing.mentee.api;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import uk.mentoring.contracts.MenteeStage;
import uk.mentoring.contracts.SupportLevel;
import uk.mentoring.contracts.pairing.PairingEndReason;
import uk.mentoring.contracts.pairing.SupportIncreaseReason;
import uk.mentoring.kit.domain.RuleViolation;
import uk.mentoring.kit.domain.SchoolTime;
import uk.mentoring.kit.security.Caller;
import uk.mentoring.kit.security.ForRoles;
import uk.mentoring.kit.security.PairingAccess;
import uk.mentoring.kit.security.Role;
import uk.mentoring.kit.security.SchoolAccess;
import uk.mentoring.kit.web.Created;
import uk.mentoring.pairing.mentee.AgreeGroundRules;
import uk.mentoring.pairing.mentee.ChangeSupportLevel;
import uk.mentoring.pairing.mentee.CreatePairing;
import uk.mentoring.pairing.mentee.EndPairing;
import uk.mentoring.pairing.mentee.PairingDirectory;

@RestController
class PairingsController {

    private static final int MAX_DAYS_BACK = 400;
    private static final int MAX_DAYS_AHEAD = 90;

    private final CommandGateway commands;
    private final PairingDirectory directory;
    private final Clock clock;

    PairingsController(CommandGateway commands, PairingDirectory directory) {
        this.commands = commands;
        this.directory = directory;
        this.clock = SchoolTime.clock();
    }

    record EndPairingRequest(@NotNull PairingEndReason reason, LocalDate endedOn) {
    }

    record CreatePairingRequest(@NotNull UUID schoolId, @NotNull UUID mentorId, @NotNull UUID menteeId, MenteeStage stage, LocalDate pairedOn) {
    }

    /** A school lead pairs a mentor of their school with a mentee of the same school. */
    @ForRoles(value = Role.SCHOOL_LEAD, doing = "Pairing a mentee with a mentor")
    @PostMapping("/api/pairings")
    ResponseEntity<Created> pair(@Valid @RequestBody CreatePairingRequest request, Caller caller) {
        SchoolAccess.requireLead(caller, request.schoolId());
        LocalDate today = LocalDate.now(clock);
        LocalDate pairedOn = request.pairedOn() != null ? request.pairedOn() : today;
        if (pairedOn.isBefore(today.minusDays(MAX_DAYS_BACK)) || pairedOn.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
            throw RuleViolation.unprocessable("paired-on-out-of-range", "Pairing date out of range",
                    "pairedOn must lie between " + today.minusDays(MAX_DAYS_BACK) + " and " + today.plusDays(MAX_DAYS_AHEAD) + ".");
        }
        UUID pairingId = UUID.randomUUID();
        try {
            commands.sendAndWait(new CreatePairing(pairingId, request.schoolId(), request.mentorId(), request.menteeId(), request.stage(), pairedOn));
        } catch (AggregateNotFoundException unknownMentee) {
            throw RuleViolation.unprocessable("mentee-not-in-school", "Mentee is not in this school",
                    "No mentee " + request.menteeId() + " is enrolled in school " + request.schoolId() + ".");
        }
        return Created.at("/api/analytics/pairings/" + pairingId, pairingId);
    }

    record GroundRulesRequest(
            @NotEmpty @Size(max = 30) List<@NotBlank @Size(max = 300) String> rules,
            @NotNull DayOfWeek weeklyDay,
            @NotNull LocalTime weeklyTime,
            @NotBlank @Size(max = 120) String room,
            LocalDate agreedOn) {
    }

    /** Mentor and mentee agreed how they work: usually at their first meeting, in a quiet room. */
    @ForRoles(value = {Role.MENTOR, Role.SCHOOL_LEAD}, doing = "Recording ground rules")
    @PostMapping("/api/pairings/{pairingId}/ground-rules")
    ResponseEntity<Void> groundRules(@PathVariable UUID pairingId, @Valid @RequestBody GroundRulesRequest request, Caller caller) {
        PairingDirectory.Entry pairing = pairing(pairingId, caller);
        PairingAccess.requireMentorOrLead(caller, pairing.members());
        commands.sendAndWait(new AgreeGroundRules(pairing.menteeId(), pairingId, request.rules(), request.weeklyDay(), request.weeklyTime(),
                request.room(), SchoolTime.pastDay(request.agreedOn(), "agreedOn")));
        return ResponseEntity.ok().build();
    }

    record SupportLevelRequest(@NotNull SupportLevel level, SupportIncreaseReason increaseReason, LocalDate changedOn) {
    }

    /** The mentor steps support down as the mentee grows, or back up when needed, saying why. */
    @ForRoles(value = {Role.MENTOR, Role.SCHOOL_LEAD}, doing = "Changing the level of support")
    @PostMapping("/api/pairings/{pairingId}/support-level")
    ResponseEntity<Void> supportLevel(@PathVariable UUID pairingId, @Valid @RequestBody SupportLevelRequest request, Caller caller) {
        PairingDirectory.Entry pairing = pairing(pairingId, caller);
        PairingAccess.requireMentorOrLead(caller, pairing.members());
        commands.sendAndWait(new ChangeSupportLevel(pairing.menteeId(), pairingId, request.level(), request.increaseReason(),
                SchoolTime.pastDay(request.changedOn(), "changedOn")));
        return ResponseEntity.ok().build();
    }

    /** A school lead ends a pairing of their school; the mentee keeps their history and may be paired again. */
    @ForRoles(value = Role.SCHOOL_LEAD, doing = "Ending a pairing")
    @PostMapping("/api/pairings/{pairingId}/end")
    ResponseEntity<EndPairing.Ended> end(@PathVariable UUID pairingId, @Valid @RequestBody EndPairingRequest request, Caller caller) {
        PairingDirectory.Entry pairing = pairing(pairingId, caller);
        SchoolAccess.requireLead(caller, pairing.schoolId());
        // the answer says on which day it ended: a pairing called off before it began ends on the day it was to start
        EndPairing.Ended ended = commands.sendAndWait(new EndPairing(pairing.menteeId(), pairingId, request.reason(),
                SchoolTime.pastDay(request.endedOn(), "endedOn")));
        return ResponseEntity.ok(ended);
    }

    private PairingDirectory.Entry pairing(UUID pairingId, Caller caller) {
        return directory.find(pairingId)
                .filter(found -> PairingAccess.maySee(caller, found.members()))
                .orElseThrow(() -> RuleViolation.notFound("Pairing", pairingId));
    }


}
