package uk.mentoring.analytics.progress;

import java.time.LocalDate;
import java.time.Month;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import uk.mentoring.contracts.MenteeStage;
import uk.mentoring.kit.domain.RuleViolation;

/**
 * Which pairings a view counts and as of when: those of the given stages (all when none are given)
 * that were active at some time from {@code from} to {@code to}, with their progress as it stood
 * at the end of {@code to}. Weekly series run from {@code from} to {@code to}.
 */
public record ProgressQuery(Set<MenteeStage> stages, LocalDate from, LocalDate to) {

    public ProgressQuery {
        stages = stages.isEmpty() ? EnumSet.noneOf(MenteeStage.class) : EnumSet.copyOf(stages);
    }

    /**
     * A query as a caller asks it: {@code to} is today unless given, {@code from} the start of that
     * school year (1 September) unless given.
     */
    public static ProgressQuery of(List<MenteeStage> stages, LocalDate from, LocalDate to, LocalDate today) {
        LocalDate asOf = to != null ? to : today;
        if (asOf.isAfter(today)) {
            throw RuleViolation.invalid("to (" + asOf + ") cannot be later than today (" + today + "): progress is known only up to today.");
        }
        LocalDate start = from != null ? from : schoolYearStart(asOf);
        if (start.isAfter(asOf)) {
            throw RuleViolation.invalid("from (" + start + ") must not be later than to (" + asOf + ").");
        }
        if (start.isBefore(asOf.minusYears(5))) {
            throw RuleViolation.invalid("from (" + start + ") may be at most five years before to (" + asOf + ").");
        }
        // a blank stage (a form's empty choice, a trailing comma) asks for no stage in particular
        return new ProgressQuery(stages == null ? Set.of() : stages.stream().filter(Objects::nonNull).collect(Collectors.toSet()), start, asOf);
    }

    public static ProgressQuery today(LocalDate today) {
        return of(List.of(), null, null, today);
    }

    static LocalDate schoolYearStart(LocalDate day) {
        LocalDate september = LocalDate.of(day.getYear(), Month.SEPTEMBER, 1);
        return day.isBefore(september) ? september.minusYears(1) : september;
    }

    public boolean includes(PairingHistory history) {
        return (stages.isEmpty() || stages.contains(history.stage())) && history.existedBetween(from, to);
    }
}
