package uk.mentoring.contracts;

/**
 * How much support a mentee gets: scaffolding that is taken away as they grow into an
 * independent professional. Support is stepped down one level at a time; it may step back up.
 */
public enum SupportLevel {
    INTENSIVE,
    REGULAR,
    LIGHT,
    INDEPENDENT;

    public boolean isMoreSupportThan(SupportLevel other) {
        return ordinal() < other.ordinal();
    }
}
