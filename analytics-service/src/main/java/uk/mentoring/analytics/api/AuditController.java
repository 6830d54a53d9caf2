package uk.mentoring.analytics.api;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import uk.mentoring.analytics.audit.AuditReads;
import uk.mentoring.analytics.audit.AuditTrail;
import uk.mentoring.analytics.audit.AuditTrail.Entry;
import uk.mentoring.analytics.audit.AuditTrail.Verification;
import uk.mentoring.analytics.audit.MenteeAudit;
import uk.mentoring.analytics.audit.MenteeState;
import uk.mentoring.analytics.audit.ReflectionText;
import uk.mentoring.analytics.personaldata.Revealer;
import uk.mentoring.contracts.RecordedBy;
import uk.mentoring.kit.domain.RuleViolation;
import uk.mentoring.kit.domain.SchoolTime;
import uk.mentoring.kit.security.Caller;
import uk.mentoring.kit.security.Role;

/**
 * A mentee's development as it happened, for auditors and the trust lead: the events in the order
 * they happened, the state as the records stood at any instant, the chain that shows nothing was
 * changed, and exports. Every read is itself recorded, and the trust lead can see who read what.
 * The trust lead reads it without what reflections say, which is for auditors alone.
 */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    private static final int LARGEST_PAGE = 500;

    private final MenteeAudit audit;
    private final AuditReads reads;
    private final Clock clock;
    private final Revealer revealer;

    AuditController(MenteeAudit audit, AuditReads reads, Clock schoolClock, Revealer revealer) {
        this.audit = audit;
        this.reads = reads;
        this.clock = schoolClock;
        this.revealer = revealer;
    }

    /** A page of a mentee's history, oldest first. */
    record HistoryPage(UUID menteeId, Instant until, int page, int size, int total, List<Event> events) {
    }

    /**
     * One entry: {@code data} with personal fields readable (or {@code [erased]}, and reflection
     * text {@code [withheld]} from all but auditors), and {@code recordedData} exactly as recorded
     * and hashed, sealed, with every other input of the hash ({@code cloudEventType},
     * {@code previousHash}, {@code recordedBy}), so anyone can recompute the chain from the answer
     * alone. {@code recordedBy} is absent where no person made the request that recorded it.
     */
    record Event(long sequence, String eventId, String type, String cloudEventType, Instant occurredAt, Instant recordedAt,
                 RecordedByPerson recordedBy, Map<String, Object> data, String recordedData, String previousHash, String hash) {

        static Event of(Entry entry, Caller caller) {
            return new Event(entry.sequence(), entry.eventId(), entry.type(), entry.cloudEventType(), entry.occurredAt(), entry.recordedAt(),
                    entry.recordedBy().map(RecordedByPerson::of).orElse(null), dataFor(caller, entry), entry.data(), entry.previousHash(), entry.hash());
        }

        @SuppressWarnings("unchecked")
        Event revealed(Map<String, String> opened) {
            return new Event(sequence, eventId, type, cloudEventType, occurredAt, recordedAt, recordedBy,
                    (Map<String, Object>) Revealer.replace(data, opened::get), recordedData, previousHash, hash);
        }
    }

    /** Who made the request that recorded an entry: the person their token named (absent where it named none), and its roles. */
    record RecordedByPerson(UUID personId, List<String> roles) {

        static RecordedByPerson of(RecordedBy recordedBy) {
            return new RecordedByPerson(recordedBy.personId().orElse(null), recordedBy.roles());
        }
    }

    @GetMapping("/mentees/{menteeId}/events")
    HistoryPage events(@PathVariable UUID menteeId, Caller caller, @RequestParam(required = false) String until,
                       @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        mayAudit(caller, "GET /api/audit/mentees/" + menteeId + "/events?page=" + page + "&size=" + size + (until == null ? "" : "&until=" + until));
        if (page < 0 || size < 1 || size > LARGEST_PAGE) {
            throw RuleViolation.invalid("page counts from 0 and size is between 1 and " + LARGEST_PAGE + "; got page " + page + ", size " + size + ".");
        }
        Instant cutOff = instant("until", until);
        List<Entry> history = audit.history(menteeId, cutOff);
        List<Event> events = history.stream().skip((long) page * size).limit(size).map(entry -> Event.of(entry, caller)).toList();
        return new HistoryPage(menteeId, cutOff, page, size, history.size(), events);
    }

    @GetMapping("/mentees/{menteeId}/state")
    MenteeState state(@PathVariable UUID menteeId, Caller caller, @RequestParam(required = false) String asOf) {
        mayAudit(caller, "GET /api/audit/mentees/" + menteeId + "/state" + (asOf == null ? "" : "?asOf=" + asOf));
        return audit.state(menteeId, instant("asOf", asOf));
    }

    @GetMapping("/mentees/{menteeId}/verify")
    Verification verify(@PathVariable UUID menteeId, Caller caller) {
        mayAudit(caller, "GET /api/audit/mentees/" + menteeId + "/verify");
        return audit.verify(menteeId);
    }

    /** The whole history: {@code jsonl} for machines (one event per line), {@code csv} for people. */
    @GetMapping("/mentees/{menteeId}/export")
    ResponseEntity<byte[]> export(@PathVariable UUID menteeId, Caller caller, @RequestParam(defaultValue = "jsonl") String format) {
        mayAudit(caller, "GET /api/audit/mentees/" + menteeId + "/export?format=" + format);
        List<Entry> history = audit.history(menteeId, clock.instant());
        // exports are written here, not by the JSON converter: their sealed values are opened here too
        Set<String> sealed = new HashSet<>();
        history.forEach(entry -> Revealer.collect(dataFor(caller, entry), sealed));
        Map<String, String> opened = revealer.open(sealed);
        String body;
        MediaType type;
        if (format.equals("jsonl")) {
            body = history.stream().map(entry -> audit.jsonLine(Event.of(entry, caller).revealed(opened))).collect(Collectors.joining("\n", "", "\n"));
            type = MediaType.parseMediaType("application/x-ndjson");
        } else if (format.equals("csv")) {
            body = MenteeAudit.csv(history, entry -> dataFor(caller, entry), value -> opened.getOrDefault(value, value));
            type = MediaType.parseMediaType("text/csv;charset=UTF-8");
        } else {
            throw RuleViolation.invalid("format is jsonl (one JSON event per line) or csv (a table for people); got '" + format + "'.");
        }
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("mentee-" + menteeId + "." + format).build().toString())
                .body(body.getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/reads")
    List<AuditReads.Read> reads(Caller caller, @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        if (!caller.has(Role.TRUST_LEAD)) {
            throw RuleViolation.forbidden("trust-leads-only", "Audit reads", "Who read the audit records is for the trust lead.");
        }
        if (page < 0 || size < 1 || size > LARGEST_PAGE) {
            throw RuleViolation.invalid("page counts from 0 and size is between 1 and " + LARGEST_PAGE + "; got page " + page + ", size " + size + ".");
        }
        return reads.latest(page, size);
    }

    /** An entry's data as the caller may read it: in full for an auditor; for a trust lead, without what reflections say. */
    private static Map<String, Object> dataFor(Caller caller, Entry entry) {
        return caller.has(Role.AUDITOR) ? entry.dataFields() : ReflectionText.withheld(entry.type(), entry.dataFields());
    }

    private void mayAudit(Caller caller, String what) {
        if (!caller.has(Role.AUDITOR) && !caller.has(Role.TRUST_LEAD)) {
            throw RuleViolation.forbidden("auditors-only", "Audit records", "A mentee's audit record is for auditors and the trust lead.");
        }
        reads.record(caller.subject(), caller.personId().orElse(null), caller.roles().stream().map(Role::name).sorted().toList(), what);
    }

    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    /** An instant, or a day meaning the end of that school day; none means now. */
    private Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return clock.instant();
        }
        Instant instant;
        try {
            instant = value.length() == 10
                    ? LocalDate.parse(value).plusDays(1).atStartOfDay(SchoolTime.ZONE).toInstant().minusMillis(1)
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw RuleViolation.invalid(name + " is a day (2026-10-01, meaning the end of that day) or an instant (2026-10-01T16:00:00Z); got '"
                    + value + "'.");
        }
        // no record is older than the platform; a day far off either way is a mistake, and past the calendar's end cannot be read
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw RuleViolation.invalid(name + " must fall between " + EARLIEST.toString().substring(0, 10) + " and " + LATEST.toString().substring(0, 10)
                    + "; got '" + value + "'.");
        }
        return instant;
    }
}
