package uk.mentoring.analytics.progress;

/**
 * Why a pairing needs a lead's attention.
 *
 * @param code   stable, for scripts and filters
 * @param reason what happened, in words a lead reads on the dashboard
 */
public record Risk(String code, String reason) {

    public static final String NO_FIRST_MEETING = "no-first-meeting";
    public static final String NO_RECENT_MEETING = "no-recent-meeting";
    public static final String CONFIDENCE_FALLING = "confidence-falling";
    public static final String NO_RECENT_REFLECTION = "no-recent-reflection";
    public static final String NO_GROUND_RULES = "no-ground-rules";
    public static final String SHALLOW_REFLECTIONS = "shallow-reflections";
}
