package uk.mentoring.analytics.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import uk.mentoring.contracts.MentoringEvent;
import uk.mentoring.contracts.meeting.ConfidenceRated;
import uk.mentoring.contracts.meeting.FeedbackGiven;
import uk.mentoring.contracts.meeting.LessonObserved;
import uk.mentoring.contracts.meeting.MeetingCancelled;
import uk.mentoring.contracts.meeting.MeetingHeld;
import uk.mentoring.contracts.meeting.MeetingMissed;
import uk.mentoring.contracts.pairing.GroundRulesAgreed;
import uk.mentoring.contracts.pairing.MenteeMovedSchool;
import uk.mentoring.contracts.pairing.PersonForgotten;
import uk.mentoring.contracts.pairing.PairingCreated;
import uk.mentoring.contracts.pairing.PairingEnded;
import uk.mentoring.contracts.pairing.SupportLevelChanged;
import uk.mentoring.contracts.reflection.DevelopmentTargetMet;
import uk.mentoring.contracts.reflection.DevelopmentTargetSet;
import uk.mentoring.contracts.reflection.ReflectionReviewed;
import uk.mentoring.contracts.reflection.ReflectionSubmitted;
import uk.mentoring.kit.domain.SchoolTime;

/**
 * When what an event records happened, as distinct from when it was recorded: a meeting held on
 * Tuesday may be written up on Thursday. Facts known only to the day happened at the moment they
 * were recorded if that was the same day, else at the start of that school day.
 */
final class Occurrence {

    private Occurrence() {
    }

    static Instant of(MentoringEvent data, Instant recordedAt) {
        Instant moment = moment(data);
        if (moment != null) {
            return moment.truncatedTo(ChronoUnit.MILLIS);
        }
        LocalDate day = day(data);
        if (day == null || day.equals(LocalDate.ofInstant(recordedAt, SchoolTime.ZONE))) {
            return recordedAt.truncatedTo(ChronoUnit.MILLIS);
        }
        return day.atStartOfDay(SchoolTime.ZONE).toInstant();
    }

    private static Instant moment(MentoringEvent data) {
        if (data instanceof MeetingHeld held) {
            return held.heldAt();
        } else if (data instanceof ConfidenceRated rated) {
            return rated.ratedAt();
        } else if (data instanceof MeetingMissed missed) {
            return missed.scheduledFor();
        } else if (data instanceof MeetingCancelled cancelled) {
            return cancelled.cancelledAt();
        } else if (data instanceof LessonObserved observed) {
            return observed.observedAt();
        } else if (data instanceof FeedbackGiven feedback) {
            return feedback.givenAt();
        } else if (data instanceof ReflectionSubmitted submitted) {
            return submitted.submittedAt();
        } else if (data instanceof ReflectionReviewed reviewed) {
            return reviewed.reviewedAt();
        }
        return null;
    }

    private static LocalDate day(MentoringEvent data) {
        if (data instanceof PairingCreated created) {
            return created.pairedOn();
        } else if (data instanceof PairingEnded ended) {
            return ended.endedOn();
        } else if (data instanceof GroundRulesAgreed agreed) {
            return agreed.agreedOn();
        } else if (data instanceof SupportLevelChanged changed) {
            return changed.changedOn();
        } else if (data instanceof DevelopmentTargetSet target) {
            return target.setOn();
        } else if (data instanceof DevelopmentTargetMet met) {
            return met.metOn();
        } else if (data instanceof MenteeMovedSchool moved) {
            return moved.movedOn();
        } else if (data instanceof PersonForgotten forgotten) {
            return forgotten.forgottenOn();
        }
        return null;
    }
}
