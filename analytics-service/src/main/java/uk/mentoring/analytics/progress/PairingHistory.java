package uk.mentoring.analytics.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import uk.mentoring.contracts.MenteeStage;
import uk.mentoring.contracts.ReflectionDepth;
import uk.mentoring.contracts.ReflectionModel;
import uk.mentoring.contracts.SupportLevel;
import uk.mentoring.contracts.pairing.SupportIncreaseReason;
import uk.mentoring.contracts.reflection.IdentifiedBy;
import uk.mentoring.kit.domain.SchoolTime;

/**
 * What the events have said about one pairing, as dated facts. Events reach analytics from three
 * topics in any interleaving, so any part may still be missing: a meeting held before its
 * {@code PairingCreated} arrived, a review before the reflection it reviews. Measures are
 * derived from these facts only, never kept alongside them.
 *
 * @param pairedOn null until {@code PairingCreated} has arrived
 * @param endRecordedOn the day its end was recorded; null where the history was kept before this
 *                      was (a rebuild tells)
 */
public record PairingHistory(
        UUID pairingId,
        UUID schoolId,
        UUID mentorId,
        UUID menteeId,
        MenteeStage stage,
        LocalDate pairedOn,
        LocalDate endedOn,
        String endReason,
        LocalDate endRecordedOn,
        List<LocalDate> groundRulesAgreed,
        List<Meeting> meetings,
        List<SupportChange> supportChanges,
        List<Observation> observations,
        List<Reflection> reflections,
        List<Target> targets) {

    public PairingHistory {
        groundRulesAgreed = List.copyOf(groundRulesAgreed);
        meetings = List.copyOf(meetings);
        supportChanges = List.copyOf(supportChanges);
        observations = List.copyOf(observations);
        reflections = List.copyOf(reflections);
        targets = List.copyOf(targets);
    }

    /** Whether the pairing itself is known yet, not only records made within it. */
    public boolean isKnown() {
        return pairedOn != null && stage != null;
    }

    /** Whether the pairing existed at some time between two days, both included. */
    public boolean existedBetween(LocalDate from, LocalDate to) {
        return isKnown() && !pairedOn.isAfter(to) && (endedOn == null || !endedOn.isBefore(from));
    }

    /** The history as it stood at the end of a day: whatever happened later is left out. */
    /**
     * Called off before it began (its end recorded before the day it was to start, which it ends
     * on), so never under way: the school's and trust's figures leave it out. A pairing made and
     * ended on one day did begin, and counts as ended. A history kept before the platform recorded
     * this is read as before: ended on its first day with nothing recorded in it.
     */
    public boolean wasCalledOff() {
        if (pairedOn == null || endedOn == null) {
            return false;
        }
        if (endedOn.isAfter(pairedOn)) {
            return false;
        }
        if (endRecordedOn != null) {
            return endRecordedOn.isBefore(endedOn);
        }
        return groundRulesAgreed.isEmpty() && supportChanges.isEmpty()
                && meetings.stream().noneMatch(Meeting::wasHeld) && observations.isEmpty() && reflections.isEmpty() && targets.isEmpty();
    }

    public PairingHistory asOf(LocalDate day) {
        return new PairingHistory(pairingId, schoolId, mentorId, menteeId, stage, pairedOn,
                by(endedOn, day), by(endedOn, day) == null ? null : endReason, by(endedOn, day) == null ? null : endRecordedOn,
                groundRulesAgreed.stream().filter(agreed -> !agreed.isAfter(day)).toList(),
                meetings.stream().map(meeting -> meeting.asOf(day)).toList(),
                supportChanges.stream().filter(change -> !change.on().isAfter(day)).toList(),
                observations.stream().filter(observation -> observation.observedOn() != null && !observation.observedOn().isAfter(day)).toList(),
                reflections.stream().map(reflection -> reflection.asOf(day)).filter(Objects::nonNull).toList(),
                targets.stream().map(target -> target.asOf(day)).filter(Objects::nonNull).toList());
    }

    private static LocalDate by(LocalDate date, LocalDate day) {
        return date != null && !date.isAfter(day) ? date : null;
    }

    /**
     * A meeting: scheduled, then held, missed or cancelled. {@code menteeConfidence} is the rating
     * recorded with the meeting; {@code ownRatings} are the mentee's own, given afterwards.
     * {@code heldAt} and {@code scheduledFor} put meetings of one day in order; null where they were
     * kept before they were.
     */
    public record Meeting(String meetingId, LocalDate scheduledOn, LocalDate heldOn, Integer menteeConfidence, boolean quietRoomBooked,
                          LocalDate missedOn, LocalDate cancelledOn, List<OwnRating> ownRatings, Instant heldAt, Instant scheduledFor) {

        /** Meetings in the order they were held: by day, then time, then id where the time is not known. */
        public static final Comparator<Meeting> AS_HELD = Comparator.comparing(Meeting::heldOn)
                .thenComparing(Meeting::heldAt, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Meeting::meetingId);

        public Meeting {
            ownRatings = ownRatings == null ? List.of() : ownRatings.stream().sorted(Comparator.comparing(OwnRating::at)).toList();
        }

        public Meeting(String meetingId, LocalDate scheduledOn, LocalDate heldOn, Integer menteeConfidence, boolean quietRoomBooked,
                       LocalDate missedOn, LocalDate cancelledOn, List<OwnRating> ownRatings) {
            this(meetingId, scheduledOn, heldOn, menteeConfidence, quietRoomBooked, missedOn, cancelledOn, ownRatings, null, null);
        }

        /** Meetings in the order they fall: held ones when they were held, the others when they were for. */
        public static final Comparator<Meeting> AS_THEY_FALL = Comparator
                .comparing((Meeting meeting) -> meeting.heldOn() != null ? meeting.heldOn() : meeting.scheduledOn(), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(meeting -> meeting.heldAt() != null ? meeting.heldAt() : meeting.scheduledFor(), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Meeting::meetingId);

        public boolean wasHeld() {
            return heldOn != null;
        }

        /** The confidence that counts: the mentee's own latest rating, else the one recorded with the meeting. */
        public Integer confidence() {
            if (!wasHeld()) {
                return null;
            }
            return ratedByTheMentee() ? ownRatings.get(ownRatings.size() - 1).confidence() : menteeConfidence;
        }

        /** Whether the mentee has rated this meeting themself. */
        public boolean ratedByTheMentee() {
            return wasHeld() && !ownRatings.isEmpty();
        }

        Meeting asOf(LocalDate day) {
            LocalDate held = by(heldOn, day);
            return new Meeting(meetingId, scheduledOn, held, held == null ? null : menteeConfidence, held != null && quietRoomBooked,
                    by(missedOn, day), by(cancelledOn, day), held == null ? List.of() : ownRatings.stream().filter(rating -> !rating.on().isAfter(day)).toList(),
                    held == null ? null : heldAt, scheduledFor);
        }
    }

    /** The mentee's own rating of their confidence at a meeting, and when they gave it. */
    public record OwnRating(Instant at, int confidence) {

        public LocalDate on() {
            return LocalDate.ofInstant(at, SchoolTime.ZONE);
        }
    }

    /** @param increaseReason why support stepped back up; null for a step down */
    public record SupportChange(LocalDate on, SupportLevel from, SupportLevel to, SupportIncreaseReason increaseReason) {
    }

    public record Observation(String observationId, LocalDate observedOn, boolean feedbackGiven) {
    }

    /**
     * A reflection; the mentor's assessment of its depth comes later, with the review.
     * {@code submittedAt} puts reflections written on one day in order; null where it was kept before it was.
     */
    public record Reflection(String reflectionId, LocalDate submittedOn, ReflectionModel model, ReflectionDepth selfAssessed,
                             ReflectionDepth mentorAssessed, LocalDate reviewedOn, Instant submittedAt) {

        /** Reflections in the order they were written: by day, then time, then id where the time is not known. */
        public static final Comparator<Reflection> AS_WRITTEN = Comparator.comparing(Reflection::submittedOn)
                .thenComparing(Reflection::submittedAt, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Reflection::reflectionId);

        public Reflection(String reflectionId, LocalDate submittedOn, ReflectionModel model, ReflectionDepth selfAssessed,
                          ReflectionDepth mentorAssessed, LocalDate reviewedOn) {
            this(reflectionId, submittedOn, model, selfAssessed, mentorAssessed, reviewedOn, null);
        }

        /** The depth that counts: the mentor's once reviewed, the mentee's own until then. */
        public ReflectionDepth depth() {
            return mentorAssessed != null ? mentorAssessed : selfAssessed;
        }

        Reflection asOf(LocalDate day) {
            if (submittedOn == null || submittedOn.isAfter(day)) {
                return null;
            }
            boolean reviewed = reviewedOn != null && !reviewedOn.isAfter(day);
            return new Reflection(reflectionId, submittedOn, model, selfAssessed, reviewed ? mentorAssessed : null, reviewed ? reviewedOn : null, submittedAt);
        }
    }

    public record Target(String targetId, LocalDate setOn, IdentifiedBy identifiedBy, LocalDate metOn) {

        Target asOf(LocalDate day) {
            if (setOn == null || setOn.isAfter(day)) {
                return null;
            }
            return new Target(targetId, setOn, identifiedBy, by(metOn, day));
        }
    }
}
