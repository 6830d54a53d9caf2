package uk.mentoring.analytics.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import uk.mentoring.analytics.progress.PairingProgress;
import uk.mentoring.analytics.progress.ProgressQuery;
import uk.mentoring.analytics.progress.ProgressViews;
import uk.mentoring.analytics.progress.ProgressViews.MenteeView;
import uk.mentoring.analytics.progress.ProgressViews.MentorView;
import uk.mentoring.analytics.progress.ProgressViews.PairingView;
import uk.mentoring.analytics.progress.ProgressViews.SchoolView;
import uk.mentoring.analytics.progress.ProgressViews.TrustView;
import uk.mentoring.contracts.MenteeStage;
import uk.mentoring.kit.domain.RuleViolation;
import uk.mentoring.kit.security.Caller;
import uk.mentoring.kit.security.Role;
import uk.mentoring.kit.security.SchoolAccess;

/**
 * Progress views. Trust leads and auditors read across the trust; a school lead reads their
 * schools; mentors and mentees read their own pairings. Whatever a caller may not see answers
 * 404, exactly as if it did not exist.
 *
 * <p>{@code stage} (repeatable) keeps pairings of those stages; {@code from} and {@code to} keep
 * pairings active in that period and give progress as it stood at the end of {@code to}
 * (default: today, from 1 September of that school year).
 */
@RestController
@RequestMapping("/api/analytics")
class ProgressController {

    private final ProgressViews views;

    ProgressController(ProgressViews views) {
        this.views = views;
    }

    @GetMapping("/trust")
    TrustView trust(Caller caller,
                    @RequestParam(name = "stage", required = false) List<MenteeStage> stages,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (!caller.readsTrustWide()) {
            throw RuleViolation.forbidden("trust-wide-readers-only", "Trust-wide view",
                    "The trust-wide view is for trust leads and auditors; school leads find their schools under /api/analytics/schools/{schoolId}.");
        }
        return views.trust(ProgressQuery.of(stages, from, to, views.today()));
    }

    @GetMapping("/schools/{schoolId}")
    SchoolView school(@PathVariable UUID schoolId, Caller caller,
                      @RequestParam(name = "stage", required = false) List<MenteeStage> stages,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        SchoolAccess.requireSeen(caller, schoolId);
        if (!caller.readsTrustWide() && !caller.leads(schoolId)) {
            throw RuleViolation.forbidden("leads-only", "School view", "A school's view is for its leads and the trust's leads.");
        }
        ProgressQuery query = ProgressQuery.of(stages, from, to, views.today());
        return views.school(schoolId, query).orElseThrow(() -> RuleViolation.notFound("School", schoolId));
    }

    @GetMapping("/pairings/{pairingId}")
    PairingView pairing(@PathVariable UUID pairingId, Caller caller,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        ProgressQuery query = ProgressQuery.of(null, null, to, views.today());
        return views.pairing(pairingId, query.to())
                .filter(pairing -> maySee(caller, pairing.schoolId(), pairing.mentor() == null ? null : pairing.mentor().id(),
                        pairing.mentee() == null ? null : pairing.mentee().id()))
                .orElseThrow(() -> views.startingAfter(pairingId, query.to())
                        .filter(pairing -> maySee(caller, pairing.schoolId(), pairing.mentorId(), pairing.menteeId()))
                        .map(pairing -> pairing.endedOn() != null
                                ? new RuleViolation(RuleViolation.Kind.NOT_FOUND, "pairing-called-off", "Pairing called off",
                                        "Pairing " + pairingId + " was called off before it began; it was to start on " + pairing.pairedOn()
                                                + ", so it has no progress to show.")
                                : new RuleViolation(RuleViolation.Kind.NOT_FOUND, "pairing-not-started", "Pairing not started yet",
                                        "Pairing " + pairingId + " starts on " + pairing.pairedOn() + "; its progress is shown from that day."))
                        .orElseGet(() -> RuleViolation.notFound("Pairing", pairingId)));
    }

    private static boolean maySee(Caller caller, UUID schoolId, UUID mentorId, UUID menteeId) {
        return caller.readsTrustWide() || caller.leads(schoolId) || (mentorId != null && caller.is(mentorId)) || (menteeId != null && caller.is(menteeId));
    }

    @GetMapping("/mentees/{menteeId}")
    MenteeView mentee(@PathVariable UUID menteeId, Caller caller,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        ProgressQuery query = ProgressQuery.of(null, null, to, views.today());
        return views.mentee(menteeId, query.to())
                // a mentor sees the mentee they mentor now, with the history that came before; a former
                // mentor keeps their own pairing (above), not what the mentee does after it
                .filter(mentee -> caller.readsTrustWide() || caller.leads(mentee.schoolId()) || caller.is(menteeId)
                        || (caller.has(Role.MENTOR) && mentee.pairings().stream()
                                .anyMatch(pairing -> pairing.status() == PairingProgress.Status.ACTIVE
                                        && pairing.mentor() != null && caller.is(pairing.mentor().id()))))
                .map(mentee -> caller.readsTrustWide() || caller.is(menteeId) ? mentee
                        : mentee.namingMentorsOnly(pairing -> caller.leads(pairing.schoolId()) || (pairing.mentor() != null && caller.is(pairing.mentor().id()))))
                .orElseThrow(() -> RuleViolation.notFound("Mentee", menteeId));
    }

    @GetMapping("/mentors/{mentorId}")
    MentorView mentor(@PathVariable UUID mentorId, Caller caller) {
        return views.mentor(mentorId)
                .filter(mentor -> caller.readsTrustWide() || caller.leads(mentor.schoolId()) || caller.is(mentorId))
                .orElseThrow(() -> RuleViolation.notFound("Mentor", mentorId));
    }
}
