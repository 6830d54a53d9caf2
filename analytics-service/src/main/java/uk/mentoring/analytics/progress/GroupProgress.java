package uk.mentoring.analytics.progress;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

import uk.mentoring.contracts.SupportLevel;
import uk.mentoring.contracts.pairing.PairingEndReason;

/**
 * The measures of many pairings at once (a school, a stage, the trust), each computed from the
 * pairings' own progress so that a school's numbers add up from the pairings a lead can open.
 * Shares are fractions from 0 to 1; an average of nothing is null, not zero.
 *
 * @param atRisk                         active pairings with at least one risk
 * @param risks                          active pairings with each risk, by risk code
 * @param firstMeetingOnTimeShare        of pairings whose first meeting is held or overdue, those held within the expected school days
 * @param groundRulesAgreedShare         of pairings whose first meeting is held or overdue, those that have agreed ground rules
 * @param groundRulesAtFirstMeetingShare of pairings that have had a first meeting, those that agreed ground rules at it
 * @param averageDaysToFirstMeeting      average days from pairing to the first meeting, over pairings that have met
 * @param awaitingFirstMeeting           active pairings that have held no meeting yet: left out of the averages of pairings that have
 *                                       met, and shown beside them so that those averages are read with them
 * @param cadenceKept                    average share of weekly slots with a meeting held, over pairings that have met
 * @param averageConfidence              average of each pairing's latest confidence (1-5)
 * @param averageConfidenceChange        average change from first to latest confidence
 * @param averageReflectionDepth         average depth (1-6) of all reflections, mentor-assessed where reviewed
 * @param menteeIdentifiedTargetShare    of all development targets set, those the mentee identified
 * @param independentShare               of the pairings that reach the end of the period (active at its end, or ended in it because
 *                                       the programme was completed or the mentee became independent), those whose mentee is
 *                                       independent: at {@code INDEPENDENT} support, or ended as independent
 * @param lightOrIndependentShare        of the same pairings, those at light support or independent: the way towards independence
 * @param supportLevels                  active pairings at each support level
 */
public record GroupProgress(
        int pairings,
        int activePairings,
        int endedPairings,
        int atRisk,
        Map<String, Integer> risks,
        Double averageDaysToFirstMeeting,
        int awaitingFirstMeeting,
        Double firstMeetingOnTimeShare,
        Double groundRulesAgreedShare,
        Double groundRulesAtFirstMeetingShare,
        Double cadenceKept,
        Double averageConfidence,
        Double averageConfidenceChange,
        Double averageReflectionDepth,
        Double menteeIdentifiedTargetShare,
        Double independentShare,
        Double lightOrIndependentShare,
        Map<SupportLevel, Integer> supportLevels,
        int meetingsHeld,
        int meetingsMissed,
        int reflections,
        int observations,
        int targetsMet) {

    public static GroupProgress of(Collection<PairingProgress> all) {
        List<PairingProgress> active = all.stream().filter(PairingProgress::isActive).toList();
        Map<String, Integer> risks = new TreeMap<>();
        active.forEach(pairing -> pairing.risks().forEach(risk -> risks.merge(risk.code(), 1, Integer::sum)));
        Map<SupportLevel, Integer> levels = new EnumMap<>(SupportLevel.class);
        active.forEach(pairing -> levels.merge(pairing.support().current(), 1, Integer::sum));
        List<PairingProgress> met = all.stream().filter(pairing -> pairing.firstMeeting().heldOn() != null).toList();
        List<PairingProgress> firstDue = all.stream().filter(pairing -> pairing.firstMeeting().onTime() != null).toList();
        // a mentee who finished in the period counts as they finished, not as gone: at the end of
        // a school year most pairings have just ended
        List<PairingProgress> reachingTheEnd = all.stream().filter(pairing -> pairing.isActive() || FINISHED.contains(pairing.endReason())).toList();
        int targets = sum(all, pairing -> pairing.targets().set());

        return new GroupProgress(
                all.size(),
                active.size(),
                all.size() - active.size(),
                (int) active.stream().filter(PairingProgress::isAtRisk).count(),
                risks,
                average(met.stream(), pairing -> pairing.firstMeeting().daysAfterPairing()),
                (int) active.stream().filter(pairing -> pairing.firstMeeting().heldOn() == null).count(),
                share(firstDue, pairing -> pairing.firstMeeting().onTime()),
                // as the ground-rules warning: a pairing whose first meeting is neither held nor due has had no time to agree them
                share(firstDue, pairing -> pairing.groundRules().agreed()),
                share(met, pairing -> pairing.groundRules().atFirstMeeting()),
                // from each pairing's weeks, not its rounded share: 11 of 12 three times is 0.92, not the 0.92s averaged
                average(met.stream(), pairing -> (double) pairing.cadence().weeksWithAMeeting() / pairing.cadence().weeklySlots()),
                average(all.stream().filter(pairing -> pairing.confidence().latest() != null), pairing -> pairing.confidence().latest()),
                average(all.stream().filter(pairing -> pairing.confidence().series().size() >= 2),
                        pairing -> pairing.confidence().latest() - pairing.confidence().first()),
                depth(all),
                targets == 0 ? null : PairingProgress.round((double) sum(all, pairing -> pairing.targets().identifiedByMentee()) / targets),
                share(reachingTheEnd, GroupProgress::independent),
                share(reachingTheEnd, pairing -> independent(pairing) || pairing.support().current() == SupportLevel.LIGHT),
                levels,
                sum(all, pairing -> pairing.cadence().meetingsHeld()),
                sum(all, pairing -> pairing.cadence().meetingsMissed()),
                sum(all, pairing -> pairing.reflections().submitted()),
                sum(all, pairing -> pairing.observations().observed()),
                sum(all, pairing -> pairing.targets().met()));
    }

    private static final Set<String> FINISHED = Set.of(PairingEndReason.PROGRAMME_COMPLETED.name(), PairingEndReason.MENTEE_INDEPENDENT.name());

    private static boolean independent(PairingProgress pairing) {
        return pairing.support().current() == SupportLevel.INDEPENDENT || PairingEndReason.MENTEE_INDEPENDENT.name().equals(pairing.endReason());
    }

    /** Reflection-weighted: a pairing that reflects more says more about the school's depth. */
    private static Double depth(Collection<PairingProgress> all) {
        OptionalDouble average = all.stream().flatMap(pairing -> pairing.reflections().series().stream())
                .map(point -> point.mentorAssessedLevel() != null ? point.mentorAssessedLevel() : point.selfAssessedLevel())
                .filter(level -> level != null)
                .mapToInt(Integer::intValue).average();
        return average.isPresent() ? PairingProgress.round(average.getAsDouble()) : null;
    }

    private static Double average(Stream<PairingProgress> pairings, ToDoubleFunction<PairingProgress> measure) {
        OptionalDouble average = pairings.mapToDouble(measure).average();
        return average.isPresent() ? PairingProgress.round(average.getAsDouble()) : null;
    }

    private static Double share(Collection<PairingProgress> pairings, Predicate<PairingProgress> test) {
        return pairings.isEmpty() ? null : PairingProgress.round((double) pairings.stream().filter(test).count() / pairings.size());
    }

    private static int sum(Collection<PairingProgress> pairings, java.util.function.ToIntFunction<PairingProgress> measure) {
        return pairings.stream().mapToInt(measure).sum();
    }
}
