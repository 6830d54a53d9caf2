package uk.mentoring.analytics.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import uk.mentoring.analytics.rebuild.ViewRebuild;
import uk.mentoring.analytics.rebuild.ViewRebuild.Rebuild;
import uk.mentoring.kit.domain.RuleViolation;
import uk.mentoring.kit.security.Caller;
import uk.mentoring.kit.security.ForRoles;
import uk.mentoring.kit.security.Role;

/**
 * Rebuilding every view from the topics. A trust lead starts it (202, with where to follow it);
 * trust leads and auditors follow its progress. The views keep answering throughout.
 */
@RestController
@RequestMapping("/api/admin/projections/rebuild")
class RebuildController {

    private final ViewRebuild rebuild;

    RebuildController(ViewRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @ForRoles(value = Role.TRUST_LEAD, doing = "Rebuilding the views")
    @PostMapping
    ResponseEntity<Rebuild> start(Caller caller) {
        Rebuild started = rebuild.start(caller.subject());
        return ResponseEntity.status(HttpStatus.ACCEPTED).header("Location", "/api/admin/projections/rebuild").body(started);
    }

    @GetMapping
    Rebuild progress(Caller caller) {
        if (!caller.readsTrustWide()) {
            throw RuleViolation.forbidden("trust-wide-readers-only", "Rebuilding the views", "A rebuild's progress is for trust leads and auditors.");
        }
        return rebuild.latest().orElseThrow(() -> RuleViolation.notFound("Rebuild", "of the views"));
    }
}
