package uk.mentoring.kit.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.ZoneId;

/** Schools keep English time: "today" and a meeting at "15:45" are London's. */
public final class SchoolTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private SchoolTime() {
    }

    public static Clock clock() {
        return Clock.system(ZONE);
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** A day something happened: today when not given, never ahead, not more than 400 days ago. */
    public static LocalDate pastDay(LocalDate day, String field) {
        LocalDate today = today();
        if (day == null) {
            return today;
        }
        if (day.isAfter(today)) {
            throw RuleViolation.unprocessable("date-in-future", "Date in the future", field + " (" + day + ") cannot be later than today.");
        }
        if (day.isBefore(today.minusDays(400))) {
            throw RuleViolation.unprocessable("date-too-old", "Date too long ago", field + " (" + day + ") is more than 400 days ago.");
        }
        return day;
    }

    /**
     * A moment as a person writes it: with an offset ({@code 2026-12-01T15:45:00Z},
     * {@code ...+00:00}) or without one, meaning school time ({@code 2026-12-01T15:45}).
     */
    public static Instant parseMoment(String value, String field) {
        if (value == null || value.isBlank()) {
            throw RuleViolation.invalid(field + " is required.");
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(value.strip()).atZone(ZONE).toInstant();
            } catch (DateTimeParseException unreadable) {
                throw RuleViolation.invalid(
                        field + " must be a date and time such as 2026-12-01T15:45 (school time) or 2026-12-01T15:45:00Z; got '" + value + "'.");
            }
        }
    }
}
