package uk.mentoring.kit.domain;

import java.time.Clock;
import java.time.LocalDate;
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
}
