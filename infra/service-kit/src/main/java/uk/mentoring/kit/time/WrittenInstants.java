package uk.mentoring.kit.time;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * Reads back instants in the form the platform writes them, UTC with a "Z" and a fraction of up
 * to nine digits, as {@link Instant#toString()} and the CloudEvents writer give them. An audit
 * replay reads two per entry and a rebuild one per event, and the general ISO parsers were a third
 * of that work; anything not in the written form goes to the parser the caller names, so nothing
 * reads differently from it.
 */
public final class WrittenInstants {

    private WrittenInstants() {
    }

    /** As {@link Instant#parse} reads it. */
    public static Instant parse(String text) {
        return parse(text, Instant::parse);
    }

    /** As {@code otherwise} reads it, which must read the written form as the instant it names. */
    public static Instant parse(String text, Function<String, Instant> otherwise) {
        // yyyy-MM-ddTHH:mm:ss, then .fraction of 1 to 9 digits or nothing, then Z
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z') {
            return otherwise.apply(text);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nanos = 0;
        if (length > 20) {
            int fraction = length - 21;
            if (text.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return otherwise.apply(text);
            }
            nanos = digits(text, 20, length - 1);
            for (int i = fraction; i < 9 && nanos >= 0; i++) {
                nanos *= 10;
            }
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || nanos < 0 || day > LocalDate.of(year, month, 1).lengthOfMonth()) {
            return otherwise.apply(text);
        }
        long epochSecond = LocalDate.of(year, month, day).toEpochDay() * 86_400 + hour * 3_600L + minute * 60L + second;
        return Instant.ofEpochSecond(epochSecond, nanos);
    }

    /** The number written from {@code from} to {@code to}, or -1 where that is not all digits. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
