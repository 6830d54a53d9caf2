package uk.mentoring.analytics.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import uk.mentoring.contracts.PublishedLanguage;
import uk.mentoring.contracts.reflection.ReflectionReviewed;
import uk.mentoring.contracts.reflection.ReflectionSubmitted;

/**
 * What a mentee wrote in a reflection, and what their mentor wrote back, read in full only by an
 * auditor: a trust lead reads the rest of the record, with these words withheld. The fields are
 * those the published language marks as personal in the two reflection events.
 */
public final class ReflectionText {

    public static final String WITHHELD = "[withheld]";

    private static final Map<String, Set<String>> FIELDS = Map.of(
            ReflectionSubmitted.class.getSimpleName(), PublishedLanguage.of(ReflectionSubmitted.class).personalFields(),
            ReflectionReviewed.class.getSimpleName(), PublishedLanguage.of(ReflectionReviewed.class).personalFields());

    private ReflectionText() {
    }

    /** The event's data with any reflection text withheld; other events' data as it is. */
    public static Map<String, Object> withheld(String type, Map<String, Object> data) {
        Set<String> fields = FIELDS.get(type);
        if (fields == null) {
            return data;
        }
        Map<String, Object> kept = new LinkedHashMap<>(data);
        fields.stream().filter(kept::containsKey).forEach(field -> kept.put(field, WITHHELD));
        return kept;
    }
}
