package uk.mentoring.contracts;

/**
 * Where a mentee is in their career; the stage shapes their mentoring programme. The last two
 * are "transitional practice": experienced teachers moving into leadership.
 */
public enum MenteeStage {
    TRAINEE,
    ECT_YEAR_1,
    ECT_YEAR_2,
    NEW_MIDDLE_LEADER,
    NEW_SENIOR_LEADER
}
