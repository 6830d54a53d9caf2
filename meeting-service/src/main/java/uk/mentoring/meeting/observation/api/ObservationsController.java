package uk.mentoring.meeting.observation.api;

import java.time.Instant;
import java.util.List;
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

import uk.mentoring.kit.domain.RuleViolation;
import uk.mentoring.kit.domain.SchoolTime;
import uk.mentoring.kit.pairings.ActivePairings.Member;
import uk.mentoring.kit.pairings.ActivePairings;
import uk.mentoring.kit.pairings.PairingDirectory.KnownPairing;
import uk.mentoring.kit.security.Caller;
import uk.mentoring.kit.security.ForRoles;
import uk.mentoring.kit.security.Role;
import uk.mentoring.kit.web.Created;
import uk.mentoring.meeting.diary.Pairing;
import uk.mentoring.meeting.observation.GiveFeedback;
import uk.mentoring.meeting.observation.ObservationsAsRecorded.RecordedObservation;
import uk.mentoring.meeting.observation.ObservationsAsRecorded;
import uk.mentoring.meeting.observation.ObserveLesson;

/** Feedback needs observation: the mentor records what they saw, then the feedback they gave. */
@RestController
class ObservationsController {

    private static final String OBSERVATION = "observation";

    private final CommandGateway commands;
    private final ActivePairings pairings;
    private final ObservationsAsRecorded recorded;

    ObservationsController(CommandGateway commands, ActivePairings pairings, ObservationsAsRecorded recorded) {
        this.commands = commands;
        this.pairings = pairings;
        this.recorded = recorded;
    }

    /** The lesson observed and the feedback on it, for the mentor who wrote it and the mentee it is for. */
    @GetMapping("/api/observations/{observationId}")
    RecordedObservation read(@PathVariable UUID observationId, Caller caller) {
        pairings.forMemberOf(OBSERVATION, observationId, caller, Member.EITHER);
        return recorded.find(observationId).orElseThrow(() -> RuleViolation.notFound("Observation", observationId));
    }

    record ObservationRequest(@NotNull UUID pairingId, @NotBlank String observedAt, @NotBlank @Size(max = 300) String focus,
                              @NotNull @Size(max = 20) List<@NotBlank @Size(max = 300) String> strengths,
                              @NotNull @Size(max = 20) List<@NotBlank @Size(max = 300) String> developmentPoints) {
    }

    @ForRoles(value = Role.MENTOR, doing = "Recording a lesson observed")
    @PostMapping("/api/observations")
    ResponseEntity<Created> observe(@Valid @RequestBody ObservationRequest request, Caller caller) {
        KnownPairing known = pairings.forMember(request.pairingId(), caller, Member.MENTOR);
        Pairing pairing = Pairing.of(known);
        Instant observedAt = ActivePairings.withinPairing(known,
                ActivePairings.past(SchoolTime.parseMoment(request.observedAt(), "observedAt"), "observedAt"), "observedAt");
        UUID observationId = UUID.randomUUID();
        pairings.register(OBSERVATION, observationId, pairing.pairingId());
        commands.sendAndWait(new ObserveLesson(observationId, pairing, observedAt, request.focus(), request.strengths(), request.developmentPoints()));
        return Created.at("/api/analytics/pairings/" + pairing.pairingId(), observationId);
    }

    record FeedbackRequest(@NotBlank @Size(max = 4000) String feedback, String givenAt) {
    }

    @ForRoles(value = Role.MENTOR, doing = "Giving feedback on a lesson")
    @PostMapping("/api/observations/{observationId}/feedback")
    ResponseEntity<Void> feedback(@PathVariable UUID observationId, @Valid @RequestBody FeedbackRequest request, Caller caller) {
        KnownPairing known = pairings.forMemberOf(OBSERVATION, observationId, caller, Member.MENTOR);
        Instant givenAt = ActivePairings.withinPairing(known, request.givenAt() == null ? Instant.now()
                : ActivePairings.past(SchoolTime.parseMoment(request.givenAt(), "givenAt"), "givenAt"), "givenAt");
        commands.sendAndWait(new GiveFeedback(observationId, request.feedback(), givenAt));
        return ResponseEntity.ok().build();
    }
}
