package uk.mentoring.contracts.pairing;

/** The part a person plays on the platform. */
public enum PersonRole {
    MENTOR,
    MENTEE
}
