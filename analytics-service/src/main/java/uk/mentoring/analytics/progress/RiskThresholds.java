package uk.mentoring.analytics.progress;

import org.springframework.boot.context.properties.ConfigurationProperties;

import uk.mentoring.contracts.ReflectionDepth;

/**
 * When a pairing needs a lead's attention. The defaults are the practice's (MENTORING.md); a trust
 * sets its own under {@code mentoring.analytics.risks}.
 *
 * @param firstMeetingWithinSchoolDays a first meeting is expected within this many school days (Monday to Friday) of pairing
 * @param meetingWithinDays            an active pairing meets at least this often
 * @param confidenceDrop               a fall in the mentee's confidence by this much or more ...
 * @param confidenceDropOverMeetings   ... over this many most recent meetings is flagged
 * @param reflectionWithinDays         the mentee reflects at least this often
 * @param groundRulesRequired          whether a pairing without agreed ground rules is flagged once its first meeting is due
 * @param shallowDepth                 reflections no deeper than this ...
 * @param shallowOverReflections       ... this many times in a row are flagged; 0 switches the flag off
 */
@ConfigurationProperties("mentoring.analytics.risks")
public record RiskThresholds(
        int firstMeetingWithinSchoolDays,
        int meetingWithinDays,
        int confidenceDrop,
        int confidenceDropOverMeetings,
        int reflectionWithinDays,
        boolean groundRulesRequired,
        ReflectionDepth shallowDepth,
        int shallowOverReflections) {

    public RiskThresholds {
        if (firstMeetingWithinSchoolDays < 1 || meetingWithinDays < 1 || reflectionWithinDays < 1 || confidenceDrop < 1
                || confidenceDropOverMeetings < 2 || shallowOverReflections < 0) {
            throw new IllegalArgumentException("mentoring.analytics.risks: day counts and the confidence drop must be at least 1, "
                    + "the meetings it is measured over at least 2, and shallow-over-reflections 0 or more");
        }
        if (shallowDepth == null) {
            shallowDepth = ReflectionDepth.UNDERSTANDING;
        }
    }

    /** The practice's defaults. */
    public static RiskThresholds practiceDefaults() {
        return new RiskThresholds(10, 14, 2, 3, 21, true, ReflectionDepth.UNDERSTANDING, 3);
    }
}
