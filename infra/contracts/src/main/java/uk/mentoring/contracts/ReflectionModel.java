package uk.mentoring.contracts;

import java.util.List;

/**
 * The structure a reflection follows. Different mentees need different models.
 */
public enum ReflectionModel {
    /** Gibbs' reflective cycle: from describing what happened to an action plan. */
    GIBBS(List.of("description", "feelings", "evaluation", "analysis", "conclusion", "actionPlan")),
    /**
     * One specific event, e.g. a learner's behaviour or progress, described so its key points can
     * be identified.
     */
    CRITICAL_INCIDENT(List.of("incident", "keyPoints", "whatChangesNext")),
    /** In the mentee's own words. */
    FREE(List.of("text"));

    private final List<String> sections;

    ReflectionModel(List<String> sections) {
        this.sections = sections;
    }

    /** The sections a reflection of this model has, every one of them required. */
    public List<String> sections() {
        return sections;
    }
}
