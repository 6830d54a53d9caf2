package uk.mentoring.analytics.progress;

import java.util.Objects;
import java.util.stream.Stream;

/**
 * The practice's virtuous circle for a group of pairings, each step scored 0-100 so that schools
 * can be compared at a glance: trust (ground rules at the first meeting, weekly cadence kept) leads
 * to confidence, confidence to deeper reflection, reflection to independence. A step with nothing
 * to measure yet is null.
 *
 * @param trust           average of the share agreeing ground rules at the first meeting and the cadence kept
 * @param confidence      average latest confidence, 1 to 5 scaled to 0-100
 * @param reflectionDepth average reflection depth, 1 to 6 scaled to 0-100
 * @param independence    average of the share of targets the mentee identified and the share at light support or independent
 */
public record VirtuousCircle(Double trust, Double confidence, Double reflectionDepth, Double independence) {

    public static VirtuousCircle of(GroupProgress group) {
        return new VirtuousCircle(
                percent(mean(group.groundRulesAtFirstMeetingShare(), group.cadenceKept())),
                percent(group.averageConfidence() == null ? null : (group.averageConfidence() - 1) / 4),
                percent(group.averageReflectionDepth() == null ? null : (group.averageReflectionDepth() - 1) / 5),
                percent(mean(group.menteeIdentifiedTargetShare(), group.lightOrIndependentShare())));
    }

    private static Double mean(Double... values) {
        return Stream.of(values).filter(Objects::nonNull).mapToDouble(Double::doubleValue).average().stream().boxed().findFirst().orElse(null);
    }

    private static Double percent(Double fraction) {
        return fraction == null ? null : Math.round(fraction * 1000) / 10.0;
    }
}
