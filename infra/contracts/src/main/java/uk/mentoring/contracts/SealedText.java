package uk.mentoring.contracts;

import java.util.regex.Pattern;

/**
 * The two forms a {@link PersonalData} value takes in an event: sealed with its person's key, or
 * erased because that person was forgotten. The event schemas from version 2 on accept nothing
 * else in a personal field.
 */
public final class SealedText {

    /** What a personal field reads once its person has been forgotten and their key destroyed. */
    public static final String ERASED = "[erased]";

    /** Starts every sealed value; the version lets the sealing change without guessing. */
    public static final String PREFIX = "pd1.";

    /**
     * {@code pd1.<publisher short name>.<person uuid>.<base64url without padding>}. The publisher
     * and the person are in clear so that a reader knows whose key, held by which service, opens
     * the value.
     */
    public static final Pattern PATTERN = Pattern.compile(
            "^pd1\\.(pairing|meeting|reflection)\\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.[A-Za-z0-9_-]+$");

    private SealedText() {
    }

    /** Whether the value is sealed with a person's key, as opposed to plain or erased. */
    public static boolean isSealed(String value) {
        return value != null && PATTERN.matcher(value).matches();
    }

    /** Whether the value belonged to a person who has since been forgotten. */
    public static boolean isErased(String value) {
        return ERASED.equals(value);
    }
}
