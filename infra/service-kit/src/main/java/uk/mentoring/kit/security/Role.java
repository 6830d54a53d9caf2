package uk.mentoring.kit.security;

/** The platform's roles, as carried in the {@code roles} claim of a token. */
public enum Role {
    /** Onboards schools; reads everything trust-wide; changes no school's records. */
    TRUST_LEAD,
    /** Manages the people and pairings of the schools in their {@code school_ids} claim. */
    SCHOOL_LEAD,
    /** Acts on their own pairings. */
    MENTOR,
    /** Acts on their own reflections and development targets. */
    MENTEE,
    /** Reads everything, writes nothing; every read is itself recorded. */
    AUDITOR,
    /**
     * Not a person: the analytics service, which has sealed names and words opened by the
     * services that sealed them, to show them to the people it allows to see them.
     */
    PERSONAL_DATA_READER;

    public String authority() {
        return "ROLE_" + name();
    }

    /** The people of this role, as a refusal names them: "mentors", "the trust lead". */
    public String people() {
        switch (this) {
            case TRUST_LEAD:
                return "the trust lead";
            case SCHOOL_LEAD:
                return "school leads";
            case PERSONAL_DATA_READER:
                return "the analytics service";
            default:
                return name().toLowerCase() + "s";
        }
    }

    /** One person of this role: "a mentee", "an auditor". */
    public String person() {
        switch (this) {
            case TRUST_LEAD:
                return "the trust lead";
            case SCHOOL_LEAD:
                return "a school lead";
            case AUDITOR:
                return "an auditor";
            case PERSONAL_DATA_READER:
                return "the analytics service";
            default:
                return "a " + name().toLowerCase();
        }
    }
}
