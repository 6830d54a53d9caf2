package uk.mentoring.contracts.pairing;

/** Why a pairing ended. Free text stays out of events: it may carry personal details. */
public enum PairingEndReason {
    /** The mentee completed their programme (training year, induction, leadership programme). */
    PROGRAMME_COMPLETED,
    /** The mentee is independent and needs no mentor any more. */
    MENTEE_INDEPENDENT,
    /** A different mentor suits the mentee better; a new pairing follows. */
    MENTOR_CHANGED,
    MENTOR_LEFT_SCHOOL,
    MENTEE_LEFT_SCHOOL,
    MENTEE_MOVED_SCHOOL,
    OTHER
}
