package uk.mentoring.contracts;

/** The phase of education a school serves, as recorded for English schools. */
public enum SchoolPhase {
    NURSERY,
    PRIMARY,
    MIDDLE,
    SECONDARY,
    ALL_THROUGH,
    SIXTEEN_PLUS,
    SPECIAL,
    ALTERNATIVE_PROVISION
}
