package uk.mentoring.analytics.progress;

/** Where the projections live in the analytics database. */
final class Collections {

    static final String SCHOOLS = "schools";
    static final String MENTORS = "mentors";
    static final String MENTEES = "mentees";
    static final String PAIRINGS = "pairings";
    /** Mentees forgotten at their request, by school: they wait for no mentor. */
    static final String FORGOTTEN_MENTEES = "forgotten_mentees";

    private Collections() {
    }
}
