package uk.mentoring.kit.domain;

/**
 * A request that breaks a rule of the mentoring practice or of the platform. Thrown by domain
 * code before anything is recorded, so the request changes nothing; answered as problem+json
 * whose {@code type} ends with {@link #rule()}, for scripts to tell rules apart.
 */
public class RuleViolation extends RuntimeException {

    /** How the breach reads to a caller. */
    public enum Kind {
        /** The request itself is malformed: a value of the wrong form. */
        INVALID,
        /** The request contradicts the current state: it may be fine at another time. */
        CONFLICT,
        /** The request can never be carried out as asked. */
        UNPROCESSABLE,
        /** The thing asked about does not exist, or the caller may not know that it does. */
        NOT_FOUND,
        /** The caller may see the thing but not do this to it. */
        FORBIDDEN
    }

    private final String rule;
    private final String title;
    private final Kind kind;

    public RuleViolation(Kind kind, String rule, String title, String detail) {
        super(detail);
        this.kind = kind;
        this.rule = rule;
        this.title = title;
    }

    public static RuleViolation invalid(String detail) {
        return new RuleViolation(Kind.INVALID, "invalid-request", "Invalid request", detail);
    }

    public static RuleViolation conflict(String rule, String title, String detail) {
        return new RuleViolation(Kind.CONFLICT, rule, title, detail);
    }

    public static RuleViolation unprocessable(String rule, String title, String detail) {
        return new RuleViolation(Kind.UNPROCESSABLE, rule, title, detail);
    }

    public static RuleViolation notFound(String what, Object id) {
        return new RuleViolation(Kind.NOT_FOUND, "not-found", what + " not found", "No " + what.toLowerCase() + " " + id + " is known here.");
    }

    public static RuleViolation forbidden(String rule, String title, String detail) {
        return new RuleViolation(Kind.FORBIDDEN, rule, title, detail);
    }

    /** A short kebab-case name of the rule, stable for scripts. */
    public String rule() {
        return rule;
    }

    public String title() {
        return title;
    }

    public Kind kind() {
        return kind;
    }
}
