package uk.mentoring.kit.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Whatever the platform wrote reads back as the instant it was, and anything else as Instant.parse reads it. */
class WrittenInstantsTest {

    @Test
    void every_written_instant_reads_back_as_itself() {
        SplittableRandom random = new SplittableRandom(20261128);
        long from = Instant.parse("1970-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2100-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(from, to), random.nextInt(1_000_000_000));
            for (Instant written : List.of(instant, instant.truncatedTo(ChronoUnit.MICROS), instant.truncatedTo(ChronoUnit.MILLIS),
                    instant.truncatedTo(ChronoUnit.SECONDS))) {
                assertThat(WrittenInstants.parse(written.toString())).isEqualTo(written);
            }
        }
    }

    @Test
    void other_forms_are_read_or_refused_as_the_general_parser_does() {
        for (String text : List.of("2024-02-29T12:00:00.5Z", "2026-11-28T10:15:30.12Z", "0001-01-01T00:00:00Z", "+12026-11-28T10:15:30Z",
                "2026-11-28T24:00:00Z", "2026-11-28T10:15:30.Z", "2026-11-28T10:15:30+01:00")) {
            assertThat(WrittenInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
        for (String text : List.of("2026-02-30T10:15:30Z", "2026-11-28T10:15:30.1234567890Z", "2026-11-28 10:15:30Z", "2026-1a-28T10:15:30Z")) {
            assertThatThrownBy(() -> Instant.parse(text)).as(text).isInstanceOf(DateTimeException.class);
            assertThatThrownBy(() -> WrittenInstants.parse(text)).as(text).isInstanceOf(DateTimeException.class);
        }
    }
}
