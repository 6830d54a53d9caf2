package uk.mentoring.pairing.mentee.api;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import uk.mentoring.contracts.MenteeStage;
import uk.mentoring.kit.domain.RuleViolation;
import uk.mentoring.kit.security.Caller;
import uk.mentoring.kit.security.SchoolAccess;
import uk.mentoring.kit.web.Created;
import uk.mentoring.contracts.pairing.PairingEndReason;
import uk.mentoring.pairing.mentee.CreatePairing;
import uk.mentoring.pairing.mentee.EndPairing;
import uk.mentoring.pairing.mentee.PairingDirectory;

@RestController
class PairingsController {

    /** Schools keep English time: "today" is today in London. */
    private static final ZoneId SCHOOL_TIME = ZoneId.of("Europe/London");
    private static final int MAX_DAYS_BACK = 400;
    private static final int MAX_DAYS_AHEAD = 90;

    private final CommandGateway commands;
    private final PairingDirectory directory;
    private final Clock clock;

    PairingsController(CommandGateway commands, PairingDirectory directory) {
        this.commands = commands;
        this.directory = directory;
        this.clock = Clock.system(SCHOOL_TIME);
    }

    record EndPairingRequest(@NotNull PairingEndReason reason, LocalDate endedOn) {
    }

    record CreatePairingRequest(@NotNull UUID schoolId, @NotNull UUID mentorId, @NotNull UUID menteeId, MenteeStage stage, LocalDate pairedOn) {
    }

    /** A school lead pairs a mentor of their school with a mentee of the same school. */
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

    /** A school lead ends a pairing of their school; the mentee keeps their history and may be paired again. */
    @PostMapping("/api/pairings/{pairingId}/end")
    ResponseEntity<Void> end(@PathVariable UUID pairingId, @Valid @RequestBody EndPairingRequest request, Caller caller) {
        PairingDirectory.Entry pairing = directory.find(pairingId)
                .filter(found -> SchoolAccess.maySee(caller, found.schoolId()))
                .orElseThrow(() -> RuleViolation.notFound("Pairing", pairingId));
        SchoolAccess.requireLead(caller, pairing.schoolId());
        LocalDate endedOn = request.endedOn() != null ? request.endedOn() : LocalDate.now(clock);
        if (endedOn.isAfter(LocalDate.now(clock))) {
            throw RuleViolation.unprocessable("ended-on-in-future", "End date in the future",
                    "endedOn cannot be later than today; end the pairing on the day it ends.");
        }
        commands.sendAndWait(new EndPairing(pairing.menteeId(), pairingId, request.reason(), endedOn));
        return ResponseEntity.ok().build();
    }
}
