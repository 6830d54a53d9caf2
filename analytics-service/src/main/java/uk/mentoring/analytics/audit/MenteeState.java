package uk.mentoring.analytics.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import uk.mentoring.analytics.progress.PairingHistory;
import uk.mentoring.analytics.progress.PairingHistoryFold;
import uk.mentoring.analytics.progress.PairingProgress;
import uk.mentoring.analytics.progress.RiskThresholds;
import uk.mentoring.contracts.MenteeStage;
import uk.mentoring.contracts.pairing.MenteeEnrolled;
import uk.mentoring.contracts.pairing.MenteeMovedSchool;
import uk.mentoring.kit.domain.SchoolTime;
import uk.mentoring.kit.events.ReceivedEvent;

/**
 * A mentee's development as the records stood at an instant, folded from their audit trail alone:
 * only what had been recorded by then counts, measured as it stood at the end of that school day.
 *
 * @param entries how many entries of the trail had been recorded by then, of the kinds this version knows
 */
public record MenteeState(UUID menteeId, Instant asOf, String displayName, MenteeStage stage, UUID schoolId, int entries,
                          List<PairingProgress> pairings) {

    /** Folds the given events, in the trail's order, already limited to those recorded by {@code asOf}. */
    static MenteeState of(UUID menteeId, List<ReceivedEvent> events, Instant asOf, RiskThresholds thresholds) {
        String name = null;
        MenteeStage stage = null;
        UUID school = null;
        for (ReceivedEvent event : events) {
            Optional<MenteeEnrolled> enrolled = event.dataAs(MenteeEnrolled.class);
            if (enrolled.isPresent()) {
                name = enrolled.get().displayName();
                stage = enrolled.get().stage();
                school = school == null ? enrolled.get().schoolId() : school;
            }
            Optional<MenteeMovedSchool> moved = event.dataAs(MenteeMovedSchool.class);
            if (moved.isPresent()) {
                school = moved.get().toSchoolId();
            }
        }
        LocalDate day = LocalDate.ofInstant(asOf, SchoolTime.ZONE);
        List<PairingProgress> pairings = PairingHistoryFold.of(events).stream()
                .filter(history -> !history.pairedOn().isAfter(day))
                .map((PairingHistory history) -> PairingProgress.of(history, day, thresholds))
                .toList();
        return new MenteeState(menteeId, asOf, name, stage, school, events.size(), pairings);
    }
}
