package uk.mentoring.meeting.diary.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

import uk.mentoring.contracts.meeting.CancellationReason;
import uk.mentoring.kit.domain.RuleViolation;
import uk.mentoring.kit.domain.SchoolTime;
import uk.mentoring.kit.pairings.ActivePairings.Member;
import uk.mentoring.kit.pairings.ActivePairings;
import uk.mentoring.kit.pairings.PairingDirectory.KnownPairing;
import uk.mentoring.kit.security.Caller;
import uk.mentoring.kit.security.ForRoles;
import uk.mentoring.kit.security.Role;
import uk.mentoring.kit.web.Created;
import uk.mentoring.meeting.diary.CancelMeeting;
import uk.mentoring.meeting.diary.HoldMeeting;
import uk.mentoring.meeting.diary.MeetingsAsRecorded.RecordedMeeting;
import uk.mentoring.meeting.diary.MeetingsAsRecorded;
import uk.mentoring.meeting.diary.Pairing;
import uk.mentoring.meeting.diary.RateConfidence;
import uk.mentoring.meeting.diary.ScheduleMeeting;

/**
 * The mentor keeps the pairing's diary: meetings booked, then held, cancelled, or missed. The
 * mentee rates their own confidence at the meetings held.
 */
@RestController
class MeetingsController {

    private static final Duration HOW_FAR_AHEAD = Duration.ofDays(366);
    private static final String MEETING = "meeting";

    private final CommandGateway commands;
    private final ActivePairings pairings;
    private final MeetingsAsRecorded recorded;

    MeetingsController(CommandGateway commands, ActivePairings pairings, MeetingsAsRecorded recorded) {
        this.commands = commands;
        this.pairings = pairings;
        this.recorded = recorded;
    }

    /** The meeting as recorded, for the two people in it: what they talked about and agreed to do. */
    @GetMapping("/api/meetings/{meetingId}")
    RecordedMeeting read(@PathVariable UUID meetingId, Caller caller) {
        KnownPairing pairing = pairings.forMemberOf(MEETING, meetingId, caller, Member.EITHER);
        return recorded.find(pairing.pairingId(), meetingId).orElseThrow(() -> RuleViolation.notFound("Meeting", meetingId));
    }

    record ScheduleRequest(@NotNull UUID pairingId, @NotBlank String scheduledFor, @NotNull @Min(5) @Max(480) Integer durationMinutes,
                           @NotBlank @Size(max = 120) String room) {
    }

    @ForRoles(value = Role.MENTOR, doing = "Scheduling a meeting")
    @PostMapping("/api/meetings")
    ResponseEntity<Created> schedule(@Valid @RequestBody ScheduleRequest request, Caller caller) {
        KnownPairing known = pairings.forMember(request.pairingId(), caller, Member.MENTOR);
        Pairing pairing = Pairing.of(known);
        Instant scheduledFor = ActivePairings.withinPairing(known, SchoolTime.parseMoment(request.scheduledFor(), "scheduledFor"), "scheduledFor");
        if (scheduledFor.isAfter(Instant.now().plus(HOW_FAR_AHEAD))) {
            throw RuleViolation.unprocessable("date-too-far-ahead", "Too far ahead", "scheduledFor is more than a year away.");
        }
        if (scheduledFor.isBefore(Instant.now().minus(Duration.ofDays(400)))) {
            throw RuleViolation.unprocessable("date-too-old", "Date too long ago", "scheduledFor is more than 400 days ago.");
        }
        UUID meetingId = UUID.randomUUID();
        pairings.register(MEETING, meetingId, pairing.pairingId());
        commands.sendAndWait(new ScheduleMeeting(pairing, meetingId, scheduledFor, request.durationMinutes(), request.room()));
        return Created.at("/api/analytics/pairings/" + pairing.pairingId(), meetingId);
    }

    record HeldRequest(@NotBlank String heldAt, @NotNull @Min(1) @Max(480) Integer durationMinutes, @NotNull Boolean quietRoomBooked,
                       @NotNull @Size(max = 30) List<@NotBlank @Size(max = 300) String> topics,
                       @NotNull @Size(max = 30) List<@NotBlank @Size(max = 300) String> agreedActions,
                       @NotNull @Min(1) @Max(5) Integer menteeConfidence) {
    }

    /** What happened: topics, agreed actions, and how confident the mentee says they feel, from 1 to 5. */
    @ForRoles(value = Role.MENTOR, doing = "Recording a meeting as held")
    @PostMapping("/api/meetings/{meetingId}/held")
    ResponseEntity<Void> held(@PathVariable UUID meetingId, @Valid @RequestBody HeldRequest request, Caller caller) {
        KnownPairing known = pairings.forMemberOf(MEETING, meetingId, caller, Member.MENTOR);
        Pairing pairing = Pairing.of(known);
        Instant heldAt = ActivePairings.withinPairing(known, ActivePairings.past(SchoolTime.parseMoment(request.heldAt(), "heldAt"), "heldAt"), "heldAt");
        commands.sendAndWait(new HoldMeeting(pairing.pairingId(), meetingId, heldAt, request.durationMinutes(), request.quietRoomBooked(),
                request.topics(), request.agreedActions(), request.menteeConfidence()));
        return ResponseEntity.ok().build();
    }

    record ConfidenceRequest(@NotNull @Min(1) @Max(5) Integer confidence) {
    }

    /**
     * The mentee rates their own confidence at a meeting held, from 1 to 5: it stands in place of
     * the rating the mentor wrote down with the meeting, and may be given again as they think better of it.
     */
    @ForRoles(value = Role.MENTEE, doing = "Rating your confidence at a meeting")
    @PostMapping("/api/meetings/{meetingId}/confidence")
    ResponseEntity<RecordedMeeting> confidence(@PathVariable UUID meetingId, @Valid @RequestBody ConfidenceRequest request, Caller caller) {
        Pairing pairing = Pairing.of(ActivePairings.stillActive(pairings.forMemberOf(MEETING, meetingId, caller, Member.MENTEE),
                "a mentee rates their confidence"));
        commands.sendAndWait(new RateConfidence(pairing.pairingId(), meetingId, request.confidence(), Instant.now()));
        // the meeting as it now stands, with the mentee's own rating in it
        return ResponseEntity.ok(recorded.find(pairing.pairingId(), meetingId).orElseThrow());
    }

    record CancelRequest(@NotNull CancellationReason reason, String cancelledAt) {
    }

    @ForRoles(value = Role.MENTOR, doing = "Cancelling a meeting")
    @PostMapping("/api/meetings/{meetingId}/cancel")
    ResponseEntity<Void> cancel(@PathVariable UUID meetingId, @Valid @RequestBody CancelRequest request, Caller caller) {
        KnownPairing known = pairings.forMemberOf(MEETING, meetingId, caller, Member.MENTOR);
        Pairing pairing = Pairing.of(known);
        Instant cancelledAt = ActivePairings.withinPairing(known, request.cancelledAt() == null ? Instant.now()
                : ActivePairings.past(SchoolTime.parseMoment(request.cancelledAt(), "cancelledAt"), "cancelledAt"), "cancelledAt");
        commands.sendAndWait(new CancelMeeting(pairing.pairingId(), meetingId, request.reason(), cancelledAt));
        return ResponseEntity.ok().build();
    }
}
