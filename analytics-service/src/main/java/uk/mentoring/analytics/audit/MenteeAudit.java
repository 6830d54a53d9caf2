package uk.mentoring.analytics.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.springframework.stereotype.Component;

import uk.mentoring.analytics.personaldata.Revealer;
import uk.mentoring.analytics.progress.RiskThresholds;
import uk.mentoring.contracts.RecordedBy;
import uk.mentoring.kit.domain.RuleViolation;
import uk.mentoring.kit.domain.SchoolTime;
import uk.mentoring.kit.events.EventJson;
import uk.mentoring.kit.events.ReceivedEvent;

/** A mentee's audit record: history, state at an instant, the chain's verification, exports. */
@Component
public class MenteeAudit {

    private final AuditTrail trail;
    private final RiskThresholds thresholds;

    MenteeAudit(AuditTrail trail, RiskThresholds thresholds) {
        this.trail = trail;
        this.thresholds = thresholds;
    }

    public List<AuditTrail.Entry> history(UUID menteeId, Instant until) {
        return known(menteeId, trail.history(menteeId, until));
    }

    public MenteeState state(UUID menteeId, Instant asOf) {
        List<ReceivedEvent> events = trail.events(menteeId, asOf);
        if (events.isEmpty() && !trail.holds(menteeId)) {
            throw RuleViolation.notFound("Mentee", menteeId);
        }
        return MenteeState.of(menteeId, events, asOf, thresholds);
    }

    public AuditTrail.Verification verify(UUID menteeId) {
        AuditTrail.Verification verification = trail.verify(menteeId);
        if (verification.entries() == 0) {
            throw RuleViolation.notFound("Mentee", menteeId);
        }
        return verification;
    }

    public String jsonLine(Object event) {
        try {
            return EventJson.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The history as a table a person can open in a spreadsheet: each entry's data as {@code dataOf}
     * gives it, with the ids of the records it is about, personal fields as {@code readable} gives them (opened, or [erased]). In details,
     * each value is written as JSON (text in quotes, lists in brackets), so a comma or a semicolon
     * written by a person cannot be read as the edge of a value; empty values are left out. It
     * starts with a byte-order mark, so a spreadsheet reads its accents and pound signs as UTF-8.
     */
    public static String csv(List<AuditTrail.Entry> history, Function<AuditTrail.Entry, Map<String, Object>> dataOf, UnaryOperator<String> readable) {
        StringBuilder csv = new StringBuilder("\uFEFFsequence,occurred_at,occurred_on,recorded_at,recorded_by_person_id,recorded_by_roles,event,details,event_id,previous_hash,hash\n");
        for (AuditTrail.Entry entry : history) {
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) Revealer.replace(dataOf.apply(entry), readable);
            // every id but the mentee's and school's, so that two alike (two targets met, feedback on which lesson) can be told apart
            String details = data.entrySet().stream().filter(field -> !SAME_FOR_THE_FILE.contains(field.getKey()) && field.getValue() != null)
                    .map(field -> field.getKey() + ": " + json(field.getValue())).collect(Collectors.joining("; "));
            csv.append(entry.sequence()).append(',').append(entry.occurredAt()).append(',')
                    .append(entry.occurredAt().atZone(SchoolTime.ZONE).toLocalDate()).append(',').append(entry.recordedAt()).append(',')
                    .append(entry.recordedBy().flatMap(RecordedBy::personId).map(UUID::toString).orElse("")).append(',')
                    .append(cell(entry.recordedBy().map(RecordedBy::rolesText).orElse(""))).append(',')
                    .append(cell(entry.type())).append(',').append(cell(details)).append(',').append(entry.eventId()).append(',')
                    .append(entry.previousHash()).append(',').append(entry.hash()).append('\n');
        }
        return csv.toString();
    }

    private static final Set<String> SAME_FOR_THE_FILE = Set.of("menteeId", "schoolId");

    private static String json(Object value) {
        try {
            return value instanceof Number || value instanceof Boolean ? value.toString() : EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cell(String value) {
        String safe = value.startsWith("=") || value.startsWith("+") || value.startsWith("-") || value.startsWith("@") ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    /** A trail read up to a moment before its first entry is empty, not unknown: the mentee is there, later. */
    private List<AuditTrail.Entry> known(UUID menteeId, List<AuditTrail.Entry> entries) {
        if (entries.isEmpty() && !trail.holds(menteeId)) {
            throw RuleViolation.notFound("Mentee", menteeId);
        }
        return entries;
    }
}
