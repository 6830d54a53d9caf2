package uk.mentoring.analytics.progress;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalDouble;

import uk.mentoring.analytics.progress.PairingProgress.ConfidencePoint;
import uk.mentoring.analytics.progress.PairingProgress.DepthPoint;

/**
 * One school week (Monday to Sunday) of a group of pairings: what was done that week, for
 * charts over the term.
 *
 * @param activePairings     pairings active at some time in the week
 * @param averageConfidence  average confidence recorded at the meetings held that week
 * @param averageDepth       average depth (1-6) of the reflections submitted that week
 */
public record Week(LocalDate weekStarting, int activePairings, int meetingsHeld, Double averageConfidence, int reflections, Double averageDepth) {

    /**
     * The weeks from the one holding {@code from} to the one holding {@code to}; the first and the
     * last count only their days within the period, so nothing from before {@code from} is shown.
     */
    public static List<Week> of(Collection<PairingProgress> pairings, LocalDate from, LocalDate to) {
        List<Week> weeks = new ArrayList<>();
        for (LocalDate monday = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)); !monday.isAfter(to); monday = monday.plusWeeks(1)) {
            LocalDate weekStarting = monday;
            LocalDate start = monday.isBefore(from) ? from : monday;
            LocalDate sunday = monday.plusDays(6).isAfter(to) ? to : monday.plusDays(6);
            int active = (int) pairings.stream().filter(pairing -> !pairing.pairedOn().isAfter(sunday)
                    && (pairing.endedOn() == null || !pairing.endedOn().isBefore(start))).count();
            List<ConfidencePoint> meetings = pairings.stream().flatMap(pairing -> pairing.confidence().series().stream())
                    .filter(point -> within(point.on(), start, sunday)).toList();
            List<DepthPoint> reflections = pairings.stream().flatMap(pairing -> pairing.reflections().series().stream())
                    .filter(point -> within(point.on(), start, sunday)).toList();
            weeks.add(new Week(weekStarting, active, meetings.size(),
                    rounded(meetings.stream().mapToInt(ConfidencePoint::confidence).average()),
                    reflections.size(),
                    rounded(reflections.stream().map(point -> point.mentorAssessedLevel() != null ? point.mentorAssessedLevel() : point.selfAssessedLevel())
                            .filter(level -> level != null).mapToInt(Integer::intValue).average())));
        }
        return weeks;
    }

    /** What was done within the period itself, from {@code from} to {@code to}: the weeks' counts together. */
    public record InPeriod(LocalDate from, LocalDate to, int meetingsHeld, int reflections) {

        public static InPeriod of(List<Week> weeks, LocalDate from, LocalDate to) {
            return new InPeriod(from, to, weeks.stream().mapToInt(Week::meetingsHeld).sum(), weeks.stream().mapToInt(Week::reflections).sum());
        }
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    private static Double rounded(OptionalDouble average) {
        return average.isPresent() ? PairingProgress.round(average.getAsDouble()) : null;
    }
}
