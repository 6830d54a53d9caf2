package uk.mentoring.contracts.pairing;

/** Why support stepped back up. A category, not free text: events carry no personal detail. */
public enum SupportIncreaseReason {
    WELLBEING,
    WORKLOAD,
    NEW_RESPONSIBILITY,
    PRACTICE_CONCERN,
    RETURN_FROM_ABSENCE,
    OTHER
}
