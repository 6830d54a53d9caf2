package uk.mentoring.analytics.progress;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import uk.mentoring.analytics.progress.PairingHistory.Meeting;
import uk.mentoring.analytics.progress.PairingHistory.Observation;
import uk.mentoring.analytics.progress.PairingHistory.OwnRating;
import uk.mentoring.analytics.progress.PairingHistory.Reflection;
import uk.mentoring.analytics.progress.PairingHistory.SupportChange;
import uk.mentoring.analytics.progress.PairingHistory.Target;
import uk.mentoring.analytics.progress.TrustDirectory.Move;
import uk.mentoring.contracts.ReflectionDepth;
import uk.mentoring.kit.domain.SchoolTime;

/**
 * A mentee's development as dated steps across all their pairings and schools. Only what may be
 * shown to leads: dates, levels and counts, never what was written.
 */
public final class MenteeTimeline {

    /** The kinds of step, in the order steps of one day are listed (a move between the two schools' steps). */
    public enum What {
        PAIRED, GROUND_RULES_AGREED, MEETING_HELD, CONFIDENCE_RATED, MEETING_MISSED, MEETING_CANCELLED, LESSON_OBSERVED,
        REFLECTION_SUBMITTED, REFLECTION_REVIEWED, TARGET_SET, TARGET_MET, SUPPORT_CHANGED, PAIRING_ENDED, MOVED_SCHOOL
    }

    public record Step(LocalDate on, What what, UUID pairingId, UUID schoolId, String detail) {
    }

    private MenteeTimeline() {
    }

    public static List<Step> of(List<PairingHistory> pairings, List<Move> moves, LocalDate asOf) {
        List<Step> steps = new ArrayList<>();
        for (Move move : moves) {
            steps.add(new Step(move.on(), What.MOVED_SCHOOL, null, move.toSchoolId(), null));
        }
        for (PairingHistory whole : pairings) {
            PairingHistory pairing = whole.asOf(asOf);
            Recorder step = (on, what, detail) -> {
                if (on != null) {
                    steps.add(new Step(on, what, pairing.pairingId(), pairing.schoolId(), detail));
                }
            };
            step.add(pairing.pairedOn(), What.PAIRED, pairing.stage() == null ? null : "stage " + words(pairing.stage().name()));
            pairing.groundRulesAgreed().stream().min(Comparator.naturalOrder()).ifPresent(on -> step.add(on, What.GROUND_RULES_AGREED, null));
            for (Meeting meeting : pairing.meetings()) {
                step.add(meeting.heldOn(), What.MEETING_HELD, meeting.confidence() == null ? null
                        : "confidence " + meeting.confidence() + " of 5" + (meeting.ratedByTheMentee() ? ", the mentee's own rating" : ""));
                for (OwnRating rating : meeting.ownRatings()) {
                    // the time first, so that ratings given on one day are listed in the order they were given
                    step.add(rating.on(), What.CONFIDENCE_RATED, "at " + rating.at().atZone(SchoolTime.ZONE).toLocalTime().truncatedTo(ChronoUnit.SECONDS)
                            + ", confidence " + rating.confidence() + " of 5 at the meeting held on " + meeting.heldOn());
                }
                step.add(meeting.missedOn(), What.MEETING_MISSED, null);
                step.add(meeting.cancelledOn(), What.MEETING_CANCELLED, null);
            }
            for (Observation observation : pairing.observations()) {
                step.add(observation.observedOn(), What.LESSON_OBSERVED, observation.feedbackGiven() ? "feedback given" : null);
            }
            for (Reflection reflection : pairing.reflections()) {
                step.add(reflection.submittedOn(), What.REFLECTION_SUBMITTED, (reflection.model() == null ? "" : words(reflection.model().name()) + ", ")
                        + "self-assessed " + depth(reflection.selfAssessed()));
                step.add(reflection.reviewedOn(), What.REFLECTION_REVIEWED, "mentor-assessed " + depth(reflection.mentorAssessed()));
            }
            for (Target target : pairing.targets()) {
                step.add(target.setOn(), What.TARGET_SET, target.identifiedBy() == null ? null : "identified by " + words(target.identifiedBy().name()));
                step.add(target.metOn(), What.TARGET_MET, null);
            }
            for (SupportChange change : pairing.supportChanges()) {
                step.add(change.on(), What.SUPPORT_CHANGED, words(change.from().name()) + " to " + words(change.to().name()));
            }
            step.add(pairing.endedOn(), What.PAIRING_ENDED, pairing.endReason() == null ? null : words(pairing.endReason()));
        }
        // on the day of a move: what happened in the school left, then the move, then what happened in the new school
        Map<LocalDate, UUID> movedTo = new HashMap<>();
        moves.forEach(move -> movedTo.put(move.on(), move.toSchoolId()));
        steps.sort(Comparator.comparing(Step::on)
                .thenComparingInt(step -> step.what() == What.MOVED_SCHOOL ? 1 : step.schoolId() != null && step.schoolId().equals(movedTo.get(step.on())) ? 2 : 0)
                .thenComparing(Step::what)
                .thenComparing(step -> step.pairingId() == null ? "" : step.pairingId().toString())
                .thenComparing(step -> step.detail() == null ? "" : step.detail()));
        return steps;
    }

    private interface Recorder {
        void add(LocalDate on, What what, String detail);
    }

    private static String depth(ReflectionDepth depth) {
        return depth == null ? "not given" : words(depth.name());
    }

    private static String words(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
