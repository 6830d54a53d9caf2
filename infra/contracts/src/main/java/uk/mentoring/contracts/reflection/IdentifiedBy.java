package uk.mentoring.contracts.reflection;

/** Who saw the need behind a development target. */
public enum IdentifiedBy {
    MENTEE,
    MENTOR
}
