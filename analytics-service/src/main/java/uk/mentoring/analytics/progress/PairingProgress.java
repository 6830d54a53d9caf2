package uk.mentoring.analytics.progress;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import uk.mentoring.analytics.progress.PairingHistory.Meeting;
import uk.mentoring.analytics.progress.PairingHistory.Reflection;
import uk.mentoring.analytics.progress.PairingHistory.SupportChange;
import uk.mentoring.contracts.MenteeStage;
import uk.mentoring.contracts.ReflectionDepth;
import uk.mentoring.contracts.ReflectionModel;
import uk.mentoring.contracts.SupportLevel;
import uk.mentoring.contracts.reflection.IdentifiedBy;

/**
 * How one pairing is going, as of a day: the measures of the practice (MENTORING.md) and the
 * reasons it needs a lead's attention. A pure function of the pairing's history, so replaying the
 * events in any order gives the same progress.
 */
public record PairingProgress(
        UUID pairingId,
        UUID schoolId,
        UUID mentorId,
        UUID menteeId,
        MenteeStage stage,
        Status status,
        LocalDate pairedOn,
        LocalDate endedOn,
        String endReason,
        LocalDate asOf,
        FirstMeeting firstMeeting,
        GroundRules groundRules,
        Cadence cadence,
        Confidence confidence,
        Reflections reflections,
        Targets targets,
        Support support,
        Observations observations,
        List<Risk> risks) {

    public enum Status { ACTIVE, ENDED }

    public enum Trend { RISING, STEADY, FALLING, TOO_FEW_MEETINGS }

    /**
     * @param heldOn                 null while there has been none
     * @param daysAfterPairing       calendar days from pairing to the first meeting
     * @param schoolDaysAfterPairing school days (Monday to Friday) from pairing to the first meeting, or to today while there has been none
     * @param onTime                 held within the expected school days; null while not held and not yet due
     */
    public record FirstMeeting(LocalDate heldOn, Integer daysAfterPairing, int schoolDaysAfterPairing, Boolean quietRoomBooked, Boolean onTime) {
    }

    /** @param atFirstMeeting agreed on the day of the first meeting; null while there has been no first meeting */
    public record GroundRules(boolean agreed, LocalDate agreedOn, Boolean atFirstMeeting) {
    }

    /**
     * @param weeklySlots weeks from the first meeting to today (or the pairing's end), each a slot for the weekly meeting; the
     *                    week under way counts once it is over or once a meeting is held in it
     * @param weeksWithAMeeting the slots in which at least one meeting was held; null before the first meeting
     * @param kept        the share of slots with a meeting, {@code weeksWithAMeeting / weeklySlots}; null before the first meeting
     */
    public record Cadence(int meetingsHeld, Integer weeklySlots, Integer weeksWithAMeeting, Double kept, int meetingsMissed, int meetingsCancelled,
                          LocalDate lastMeetingOn, Integer daysSinceLastMeeting) {
    }

    /** The mentee's confidence (1-5) at each meeting held: their own rating where they gave one, else as recorded with the meeting. */
    public record Confidence(List<ConfidencePoint> series, Integer first, Integer latest, Integer recentChange, Double trendPerMeeting, Trend trend) {
    }

    /** @param ownRating whether the mentee rated it themself, rather than the mentor writing it down with the meeting */
    public record ConfidencePoint(LocalDate on, int confidence, boolean ownRating) {
    }

    /** Depth on Pappas' scale as a level, 1 (remembering) to 6 (creating). */
    public record Reflections(int submitted, int reviewed, List<DepthPoint> series, Double averageDepth, LocalDate lastSubmittedOn,
                              Integer daysSinceLastReflection) {
    }

    public record DepthPoint(LocalDate on, ReflectionModel model, ReflectionDepth selfAssessed, Integer selfAssessedLevel,
                             ReflectionDepth mentorAssessed, Integer mentorAssessedLevel) {
    }

    public record Targets(int set, int identifiedByMentee, Double menteeIdentifiedShare, int met) {
    }

    /**
     * @param weeksAt     weeks spent at each level so far
     * @param weeksToReach weeks from pairing until each level was first reached
     */
    public record Support(SupportLevel current, LocalDate since, List<SupportChange> changes, Map<SupportLevel, Double> weeksAt,
                          Map<SupportLevel, Double> weeksToReach) {
    }

    public record Observations(int observed, int withFeedback, LocalDate lastObservedOn) {
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    public boolean isAtRisk() {
        return !risks.isEmpty();
    }

    /** The progress of a known pairing ({@link PairingHistory#isKnown()}) at the end of a day. */
    public static PairingProgress of(PairingHistory whole, LocalDate asOf, RiskThresholds thresholds) {
        PairingHistory history = whole.asOf(asOf);
        Status status = history.endedOn() != null ? Status.ENDED : Status.ACTIVE;
        LocalDate end = history.endedOn() != null ? history.endedOn() : asOf;

        List<Meeting> held = history.meetings().stream().filter(Meeting::wasHeld)
                .sorted(Meeting.AS_HELD).toList();
        Meeting first = held.isEmpty() ? null : held.get(0);
        int schoolDaysToFirst = thresholds.schoolDaysBetween(history.pairedOn(), first != null ? first.heldOn() : end);
        Boolean onTime = first != null ? Boolean.valueOf(schoolDaysToFirst <= thresholds.firstMeetingWithinSchoolDays())
                : schoolDaysToFirst > thresholds.firstMeetingWithinSchoolDays() ? Boolean.FALSE : null;
        FirstMeeting firstMeeting = new FirstMeeting(first == null ? null : first.heldOn(),
                first == null ? null : (int) ChronoUnit.DAYS.between(history.pairedOn(), first.heldOn()),
                schoolDaysToFirst, first == null ? null : first.quietRoomBooked(), onTime);

        LocalDate agreedOn = history.groundRulesAgreed().stream().min(Comparator.naturalOrder()).orElse(null);
        GroundRules groundRules = new GroundRules(agreedOn != null, agreedOn, first == null ? null : first.heldOn().equals(agreedOn));

        Cadence cadence = cadence(history, held, first, end, thresholds);
        Confidence confidence = confidence(held, thresholds);
        Reflections reflections = reflections(history, end);
        Targets targets = targets(history);
        Support support = support(history, end);
        Observations observations = observations(history);

        PairingProgress progress = new PairingProgress(history.pairingId(), history.schoolId(), history.mentorId(), history.menteeId(),
                history.stage(), status, history.pairedOn(), history.endedOn(), history.endReason(), asOf,
                firstMeeting, groundRules, cadence, confidence, reflections, targets, support, observations, List.of());
        return status == Status.ACTIVE ? progress.withRisks(risks(progress, history, thresholds)) : progress;
    }

    private PairingProgress withRisks(List<Risk> found) {
        return new PairingProgress(pairingId, schoolId, mentorId, menteeId, stage, status, pairedOn, endedOn, endReason, asOf,
                firstMeeting, groundRules, cadence, confidence, reflections, targets, support, observations, List.copyOf(found));
    }

    private static Cadence cadence(PairingHistory history, List<Meeting> held, Meeting first, LocalDate end, RiskThresholds thresholds) {
        // a slot is a week from the first meeting's weekday; it is kept when a meeting was held in
        // it, however many were: four meetings in one week and none in the next three keep one of
        // four. A week all in the holidays is no slot, unless they met in it anyway.
        Integer slots = null;
        Integer slotsWithAMeeting = null;
        if (first != null) {
            Set<Long> met = held.stream().map(meeting -> ChronoUnit.DAYS.between(first.heldOn(), meeting.heldOn()) / 7)
                    .collect(Collectors.toSet());
            long weeks = ChronoUnit.DAYS.between(first.heldOn(), end) / 7 + 1;
            // the week under way is a slot once it is over, or once they have met in it: on its Monday it is not yet missed
            long current = weeks - 1;
            // a pairing that has ended has no week under way: its last week, however short, was its to keep
            boolean currentWeekOver = history.endedOn() != null || !first.heldOn().plusWeeks(current).plusDays(6).isAfter(end);
            slots = (int) LongStream.range(0, weeks).filter(week -> met.contains(week)
                    || (week < current || currentWeekOver) && hasSchoolDay(first.heldOn().plusWeeks(week), thresholds)).count();
            slotsWithAMeeting = met.size();
        }
        Double kept = slots == null ? null : round(Math.min(1.0, (double) slotsWithAMeeting / slots));
        LocalDate last = held.isEmpty() ? null : held.get(held.size() - 1).heldOn();
        // missed is what stayed missed: a meeting recorded late was held or cancelled, and one that fell
        // due after the pairing ended was nobody's to hold
        int missed = (int) history.meetings().stream()
                .filter(meeting -> meeting.missedOn() != null && !meeting.wasHeld() && meeting.cancelledOn() == null)
                .filter(meeting -> history.endedOn() == null || meeting.scheduledOn() == null || !meeting.scheduledOn().isAfter(history.endedOn()))
                .count();
        int cancelled = (int) history.meetings().stream().filter(meeting -> meeting.cancelledOn() != null).count();
        return new Cadence(held.size(), slots, slotsWithAMeeting, kept, missed, cancelled, last, last == null ? null : (int) ChronoUnit.DAYS.between(last, end));
    }

    private static boolean hasSchoolDay(LocalDate weekFrom, RiskThresholds thresholds) {
        return weekFrom.datesUntil(weekFrom.plusWeeks(1)).anyMatch(thresholds::isSchoolDay);
    }

    private static Confidence confidence(List<Meeting> held, RiskThresholds thresholds) {
        List<ConfidencePoint> series = held.stream().filter(meeting -> meeting.confidence() != null)
                .map(meeting -> new ConfidencePoint(meeting.heldOn(), meeting.confidence(), meeting.ratedByTheMentee())).toList();
        if (series.isEmpty()) {
            return new Confidence(series, null, null, null, null, Trend.TOO_FEW_MEETINGS);
        }
        int latest = series.get(series.size() - 1).confidence();
        List<ConfidencePoint> recent = series.subList(Math.max(0, series.size() - thresholds.confidenceDropOverMeetings()), series.size());
        Integer recentChange = recent.size() < 2 ? null : latest - recent.get(0).confidence();
        Double slope = series.size() < 3 ? null : round(slope(series.stream().map(ConfidencePoint::confidence).toList()));
        Trend trend = slope == null ? Trend.TOO_FEW_MEETINGS : slope > 0.05 ? Trend.RISING : slope < -0.05 ? Trend.FALLING : Trend.STEADY;
        return new Confidence(series, series.get(0).confidence(), latest, recentChange, slope, trend);
    }

    /** Least-squares slope of values against their position: the change per meeting. */
    private static double slope(List<Integer> values) {
        int n = values.size();
        double meanX = (n - 1) / 2.0;
        double meanY = values.stream().mapToInt(Integer::intValue).average().orElse(0);
        double numerator = 0;
        double denominator = 0;
        for (int x = 0; x < n; x++) {
            numerator += (x - meanX) * (values.get(x) - meanY);
            denominator += (x - meanX) * (x - meanX);
        }
        return numerator / denominator;
    }

    private static Reflections reflections(PairingHistory history, LocalDate end) {
        List<Reflection> submitted = history.reflections().stream()
                .sorted(Reflection.AS_WRITTEN).toList();
        List<DepthPoint> series = submitted.stream().map(reflection -> new DepthPoint(reflection.submittedOn(), reflection.model(),
                reflection.selfAssessed(), level(reflection.selfAssessed()), reflection.mentorAssessed(), level(reflection.mentorAssessed()))).toList();
        Double average = submitted.stream().map(Reflection::depth).filter(depth -> depth != null)
                .mapToInt(PairingProgress::level).average().stream().boxed().map(PairingProgress::round).findFirst().orElse(null);
        LocalDate last = submitted.isEmpty() ? null : submitted.get(submitted.size() - 1).submittedOn();
        int reviewed = (int) submitted.stream().filter(reflection -> reflection.mentorAssessed() != null).count();
        return new Reflections(submitted.size(), reviewed, series, average, last, last == null ? null : (int) ChronoUnit.DAYS.between(last, end));
    }

    private static Targets targets(PairingHistory history) {
        int set = history.targets().size();
        int byMentee = (int) history.targets().stream().filter(target -> target.identifiedBy() == IdentifiedBy.MENTEE).count();
        int met = (int) history.targets().stream().filter(target -> target.metOn() != null).count();
        return new Targets(set, byMentee, set == 0 ? null : round((double) byMentee / set), met);
    }

    /** Every pairing starts with intensive support; each change moves it from one level to another. */
    private static Support support(PairingHistory history, LocalDate end) {
        List<SupportChange> changes = inOrder(history.supportChanges());
        Map<SupportLevel, Double> weeksAt = new EnumMap<>(SupportLevel.class);
        Map<SupportLevel, Double> weeksToReach = new EnumMap<>(SupportLevel.class);
        SupportLevel level = SupportLevel.INTENSIVE;
        LocalDate since = history.pairedOn();
        weeksToReach.put(level, 0.0);
        for (SupportChange change : changes) {
            weeksAt.merge(level, weeks(since, change.on()), Double::sum);
            level = change.to();
            since = change.on();
            weeksToReach.putIfAbsent(level, weeks(history.pairedOn(), since));
        }
        weeksAt.merge(level, weeks(since, end), Double::sum);
        weeksAt.replaceAll((key, weeks) -> round(weeks));
        return new Support(level, since, changes, weeksAt, weeksToReach);
    }

    /**
     * The changes by day, and the changes of one day as they followed each other: each from the
     * level the one before it left, whatever order they arrived in. Support stepped down and
     * back up on the same day ends where the mentor left it.
     */
    static List<SupportChange> inOrder(List<SupportChange> recorded) {
        List<SupportChange> remaining = new ArrayList<>(recorded);
        remaining.sort(Comparator.comparing(SupportChange::on).thenComparing(change -> change.to().ordinal()).thenComparing(change -> change.from().ordinal()));
        List<SupportChange> ordered = new ArrayList<>(remaining.size());
        SupportLevel level = SupportLevel.INTENSIVE;
        while (!remaining.isEmpty()) {
            LocalDate day = remaining.get(0).on();
            SupportLevel from = level;
            SupportChange next = remaining.stream().filter(change -> change.on().equals(day) && change.from() == from).findFirst()
                    .orElse(remaining.get(0));
            remaining.remove(next);
            ordered.add(next);
            level = next.to();
        }
        return ordered;
    }

    private static double weeks(LocalDate from, LocalDate to) {
        return round(Math.max(0, ChronoUnit.DAYS.between(from, to)) / 7.0);
    }

    private static Observations observations(PairingHistory history) {
        int withFeedback = (int) history.observations().stream().filter(PairingHistory.Observation::feedbackGiven).count();
        LocalDate last = history.observations().stream().map(PairingHistory.Observation::observedOn).max(Comparator.naturalOrder()).orElse(null);
        return new Observations(history.observations().size(), withFeedback, last);
    }

    private static List<Risk> risks(PairingProgress progress, PairingHistory history, RiskThresholds thresholds) {
        List<Risk> risks = new ArrayList<>();
        FirstMeeting first = progress.firstMeeting();
        if (first.heldOn() == null && Boolean.FALSE.equals(first.onTime())) {
            risks.add(new Risk(Risk.NO_FIRST_MEETING, "No first meeting yet, " + first.schoolDaysAfterPairing()
                    + " school days after pairing (expected within " + thresholds.firstMeetingWithinSchoolDays() + ")."));
        }
        // a quiet spell is counted in days of term: nobody is expected to meet in the holidays
        LocalDate lastMet = progress.cadence().lastMeetingOn();
        if (lastMet != null) {
            int sinceMeeting = progress.cadence().daysSinceLastMeeting();
            int inTerm = thresholds.termDaysBetween(lastMet, progress.asOf());
            if (inTerm > thresholds.meetingWithinDays()) {
                risks.add(new Risk(Risk.NO_RECENT_MEETING, "No meeting held for " + sinceMeeting + " days" + ofThemInTerm(sinceMeeting, inTerm)
                        + " (expected at least every " + thresholds.meetingWithinDays() + ")."));
            }
        }
        Confidence confidence = progress.confidence();
        if (confidence.recentChange() != null && -confidence.recentChange() >= thresholds.confidenceDrop()) {
            List<ConfidencePoint> series = confidence.series();
            int window = Math.min(thresholds.confidenceDropOverMeetings(), series.size());
            risks.add(new Risk(Risk.CONFIDENCE_FALLING, "Confidence fell from " + series.get(series.size() - window).confidence()
                    + " to " + confidence.latest() + " over the last " + window + " meetings."));
        }
        Integer sinceReflection = progress.reflections().daysSinceLastReflection();
        LocalDate quietSince = sinceReflection != null ? progress.reflections().lastSubmittedOn() : progress.pairedOn();
        int quietDays = (int) ChronoUnit.DAYS.between(quietSince, progress.asOf());
        int quietInTerm = thresholds.termDaysBetween(quietSince, progress.asOf());
        if (quietInTerm > thresholds.reflectionWithinDays()) {
            risks.add(new Risk(Risk.NO_RECENT_REFLECTION, (sinceReflection != null ? "No reflection for " : "No reflection yet, ")
                    + quietDays + " days" + (sinceReflection != null ? "" : " after pairing") + ofThemInTerm(quietDays, quietInTerm)
                    + " (expected at least every " + thresholds.reflectionWithinDays() + ")."));
        }
        boolean firstMeetingDue = first.heldOn() != null || Boolean.FALSE.equals(first.onTime());
        if (thresholds.groundRulesRequired() && !progress.groundRules().agreed() && firstMeetingDue) {
            int meetings = progress.cadence().meetingsHeld();
            risks.add(new Risk(Risk.NO_GROUND_RULES, "Ground rules not agreed" + (meetings > 0
                    ? ", after " + meetings + (meetings == 1 ? " meeting." : " meetings.") : ", and the first meeting is overdue.")));
        }
        int shallowRun = thresholds.shallowOverReflections();
        List<Reflection> submitted = history.reflections().stream()
                .sorted(Reflection.AS_WRITTEN).toList();
        if (shallowRun > 0 && submitted.size() >= shallowRun && submitted.subList(submitted.size() - shallowRun, submitted.size()).stream()
                .allMatch(reflection -> reflection.depth() != null && reflection.depth().compareTo(thresholds.shallowDepth()) <= 0)) {
            risks.add(new Risk(Risk.SHALLOW_REFLECTIONS, "The last " + shallowRun + " reflections went no deeper than "
                    + thresholds.shallowDepth().name().toLowerCase(Locale.ROOT) + "."));
        }
        return risks;
    }

    private static String ofThemInTerm(int days, int inTerm) {
        return inTerm == days ? "" : ", " + inTerm + " of them in term";
    }

    static Integer level(ReflectionDepth depth) {
        return depth == null ? null : depth.ordinal() + 1;
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
