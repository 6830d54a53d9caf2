package uk.mentoring.contracts.meeting;

/** Why a meeting was called off. */
public enum CancellationReason {
    MENTOR_ABSENT,
    MENTEE_ABSENT,
    SCHOOL_EVENT,
    RESCHEDULED,
    OTHER
}
