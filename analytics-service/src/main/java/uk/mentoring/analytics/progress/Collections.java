package uk.mentoring.analytics.progress;

/** Where the projections live in the analytics database. */
final class Collections {

    static final String SCHOOLS = "schools";
    static final String MENTORS = "mentors";
    static final String MENTEES = "mentees";
    static final String PAIRINGS = "pairings";

    private Collections() {
    }
}
