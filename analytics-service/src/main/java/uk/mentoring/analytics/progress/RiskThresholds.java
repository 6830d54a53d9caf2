package uk.mentoring.analytics.progress;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.format.annotation.DateTimeFormat;

import uk.mentoring.contracts.ReflectionDepth;

/**
 * When a pairing needs a lead's attention. The defaults are the practice's (MENTORING.md); a trust
 * sets its own under {@code mentoring.analytics.risks}.
 *
 * @param firstMeetingWithinSchoolDays a first meeting is expected within this many school days (Monday to Friday, out of the holidays) of pairing
 * @param meetingWithinDays            an active pairing meets at least this often, in days of term
 * @param confidenceDrop               a fall in the mentee's confidence by this much or more ...
 * @param confidenceDropOverMeetings   ... over this many most recent meetings is flagged
 * @param reflectionWithinDays         the mentee reflects at least this often, in days of term
 * @param groundRulesRequired          whether a pairing without agreed ground rules is flagged once its first meeting is due
 * @param shallowDepth                 reflections no deeper than this ...
 * @param shallowOverReflections       ... this many times in a row are flagged; 0 switches the flag off
 * @param holidays                     the trust's school holidays, first and last day of each: no school day, no week a
 *                                     pairing is expected to meet in, and no day counted towards a quiet spell
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
        int shallowOverReflections,
        List<Holiday> holidays) {

    public RiskThresholds {
        if (firstMeetingWithinSchoolDays < 1 || meetingWithinDays < 1 || reflectionWithinDays < 1 || confidenceDrop < 1
                || confidenceDropOverMeetings < 2 || shallowOverReflections < 0) {
            throw new IllegalArgumentException("mentoring.analytics.risks: day counts and the confidence drop must be at least 1, "
                    + "the meetings it is measured over at least 2, and shallow-over-reflections 0 or more");
        }
        if (shallowDepth == null) {
            shallowDepth = ReflectionDepth.UNDERSTANDING;
        }
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
    }

    /** The practice's defaults, with no holidays known. */
    public static RiskThresholds practiceDefaults() {
        return new RiskThresholds(10, 14, 2, 3, 21, true, ReflectionDepth.UNDERSTANDING, 3, List.of());
    }

    /** The same thresholds in a trust with these holidays. */
    public RiskThresholds withHolidays(List<Holiday> known) {
        return new RiskThresholds(firstMeetingWithinSchoolDays, meetingWithinDays, confidenceDrop, confidenceDropOverMeetings,
                reflectionWithinDays, groundRulesRequired, shallowDepth, shallowOverReflections, known);
    }

    /** A school holiday, from its first day to its last. */
    public record Holiday(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

        public Holiday {
            if (from == null || to == null || to.isBefore(from)) {
                throw new IllegalArgumentException("mentoring.analytics.risks.holidays: each holiday needs a from and a to, not before it");
            }
        }

        boolean covers(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }
    }

    boolean inHolidays(LocalDate day) {
        return holidays.stream().anyMatch(holiday -> holiday.covers(day));
    }

    /** Monday to Friday, out of the holidays. */
    boolean isSchoolDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY && !inHolidays(day);
    }

    /** School days after {@code from} up to and including {@code to}. */
    int schoolDaysBetween(LocalDate from, LocalDate to) {
        int days = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isSchoolDay(day)) {
                days++;
            }
        }
        return days;
    }

    /** Days after {@code from} up to and including {@code to} that are not in the holidays: how long a quiet spell has been in term. */
    int termDaysBetween(LocalDate from, LocalDate to) {
        if (holidays.isEmpty()) {
            return (int) Math.max(0, ChronoUnit.DAYS.between(from, to));
        }
        int days = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (!inHolidays(day)) {
                days++;
            }
        }
        return days;
    }
}
