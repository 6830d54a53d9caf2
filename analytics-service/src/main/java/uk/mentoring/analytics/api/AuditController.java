package uk.mentoring.analytics.api;

import java.net.URLEncoder;
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
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
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
                 @JsonInclude(JsonInclude.Include.NON_NULL) RecordedByPerson recordedBy, Map<String, Object> data, String recordedData, String previousHash, String hash) {

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

    // Parameters are taken as written and read inside the audited read: a malformed one is refused,
    // and recorded as refused, like any other read, rather than turned away before it is recorded.

    @GetMapping("/mentees/{menteeId}/events")
    HistoryPage events(@PathVariable String menteeId, Caller caller, @RequestParam(required = false) String until,
                       @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        return audited(caller, menteeId, "GET /api/audit/mentees/" + encoded(menteeId) + "/events?page=" + encoded(page == null ? "0" : page)
                + "&size=" + encoded(size == null ? "100" : size) + parameter("until", until), () -> {
            UUID mentee = uuid(menteeId);
            int from = number("page", page, 0);
            int count = number("size", size, 100);
            if (from < 0 || count < 1 || count > LARGEST_PAGE) {
                throw RuleViolation.invalid("page counts from 0 and size is between 1 and " + LARGEST_PAGE + "; got page " + from + ", size " + count + ".");
            }
            Instant cutOff = instant("until", until);
            List<Entry> history = audit.history(mentee, cutOff);
            List<Event> events = history.stream().skip((long) from * count).limit(count).map(entry -> Event.of(entry, caller)).toList();
            return new HistoryPage(mentee, cutOff, from, count, history.size(), events);
        });
    }

    @GetMapping("/mentees/{menteeId}/state")
    MenteeState state(@PathVariable String menteeId, Caller caller, @RequestParam(required = false) String asOf) {
        return audited(caller, menteeId, "GET /api/audit/mentees/" + encoded(menteeId) + "/state" + parameter("asOf", asOf).replaceFirst("^&", "?"),
                () -> audit.state(uuid(menteeId), instant("asOf", asOf)));
    }

    @GetMapping("/mentees/{menteeId}/verify")
    Verification verify(@PathVariable String menteeId, Caller caller) {
        return audited(caller, menteeId, "GET /api/audit/mentees/" + encoded(menteeId) + "/verify", () -> audit.verify(uuid(menteeId)));
    }

    /**
     * The whole history, or as it stood at {@code until}: {@code jsonl} for machines (one event per
     * line), {@code csv} for people.
     */
    @GetMapping("/mentees/{menteeId}/export")
    ResponseEntity<byte[]> export(@PathVariable String menteeId, Caller caller, @RequestParam(defaultValue = "jsonl") String format,
                                  @RequestParam(required = false) String until) {
        return audited(caller, menteeId, "GET /api/audit/mentees/" + encoded(menteeId) + "/export?format=" + encoded(format) + parameter("until", until),
                () -> exported(uuid(menteeId), caller, format, instant("until", until)));
    }

    private ResponseEntity<byte[]> exported(UUID menteeId, Caller caller, String format, Instant until) {
        if (!format.equals("jsonl") && !format.equals("csv")) {
            throw RuleViolation.invalid("format is jsonl (one JSON event per line) or csv (a table for people); got '" + format + "'.");
        }
        List<Entry> history = audit.history(menteeId, until);
        // exports are written here, not by the JSON converter: their sealed values are opened here too
        Set<String> sealed = new HashSet<>();
        history.forEach(entry -> Revealer.collect(dataFor(caller, entry), sealed));
        Map<String, String> opened = revealer.open(sealed);
        String body;
        MediaType type;
        if (format.equals("jsonl")) {
            body = history.stream().map(entry -> audit.jsonLine(Event.of(entry, caller).revealed(opened))).collect(Collectors.joining("\n", "", "\n"));
            type = MediaType.parseMediaType("application/x-ndjson");
        } else {
            body = MenteeAudit.csv(history, entry -> dataFor(caller, entry), value -> opened.getOrDefault(value, value));
            type = MediaType.parseMediaType("text/csv;charset=UTF-8");
        }
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("mentee-" + menteeId + "." + format).build().toString())
                .body(body.getBytes(StandardCharsets.UTF_8));
    }

    /** The reads of audit records, and the attempts refused, most recent first. */
    @GetMapping("/reads")
    List<AuditReads.Read> reads(Caller caller, @RequestParam(required = false) String page, @RequestParam(required = false) String size,
                                @RequestParam(required = false) String menteeId) {
        String what = "GET /api/audit/reads?page=" + encoded(page == null ? "0" : page) + "&size=" + encoded(size == null ? "100" : size)
                + parameter("menteeId", menteeId);
        UUID mentee = menteeId == null ? null : uuidOrNull(menteeId);
        if (!caller.has(Role.TRUST_LEAD)) {
            record(caller, mentee, what, AuditReads.Outcome.REFUSED);
            throw RuleViolation.forbidden("trust-leads-only", "Only the trust lead reads who read audit records",
                    "Who read the audit records is for the trust lead.");
        }
        List<AuditReads.Read> found;
        try {
            int from = number("page", page, 0);
            int count = number("size", size, 100);
            if (from < 0 || count < 1 || count > LARGEST_PAGE) {
                throw RuleViolation.invalid("page counts from 0 and size is between 1 and " + LARGEST_PAGE + "; got page " + from + ", size " + count + ".");
            }
            // read before this read is recorded, so a page shows what was there when it was asked for
            found = reads.latest(from, count, menteeId == null ? null : uuid(menteeId));
        } catch (RuleViolation invalid) {
            record(caller, mentee, what, AuditReads.Outcome.INVALID);
            throw invalid;
        }
        record(caller, mentee, what, AuditReads.Outcome.ANSWERED);
        return found;
    }

    private static UUID uuid(String value) {
        UUID id = uuidOrNull(value);
        if (id == null) {
            throw RuleViolation.invalid("'" + value + "' is not a valid menteeId: expected an id such as 3c7e2a90-8b1d-4e5f-a6c3-2d9f0e1b4a77.");
        }
        return id;
    }

    private static UUID uuidOrNull(String value) {
        try {
            return value.length() == 36 ? UUID.fromString(value) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int number(String name, String value, int otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw RuleViolation.invalid("'" + value + "' is not a valid " + name + ": expected a whole number.");
        }
    }

    /** An entry's data as the caller may read it: in full for an auditor; for a trust lead, without what reflections say. */
    private static Map<String, Object> dataFor(Caller caller, Entry entry) {
        return caller.has(Role.AUDITOR) ? entry.dataFields() : ReflectionText.withheld(entry.type(), entry.dataFields());
    }

    /**
     * Answers a read of an audit record, and records it with its outcome: answered, or refused and
     * why (the caller may not read audit records, the mentee is unknown, the request was malformed).
     * A refused attempt is recorded too, so the trust lead sees who tried. The record is written
     * before the answer leaves: a read that could not be recorded is not answered.
     */
    private <T> T audited(Caller caller, String asked, String what, Supplier<T> read) {
        UUID menteeId = uuidOrNull(asked);
        if (!caller.has(Role.AUDITOR) && !caller.has(Role.TRUST_LEAD)) {
            record(caller, menteeId, what, AuditReads.Outcome.REFUSED);
            throw RuleViolation.forbidden("auditors-only", "Only auditors and the trust lead read audit records",
                    "A mentee's audit record is for auditors and the trust lead.");
        }
        T answer;
        try {
            answer = read.get();
        } catch (RuleViolation refused) {
            record(caller, menteeId, what, refused.kind() == RuleViolation.Kind.NOT_FOUND ? AuditReads.Outcome.NOT_FOUND : AuditReads.Outcome.INVALID);
            throw refused;
        }
        record(caller, menteeId, what, AuditReads.Outcome.ANSWERED);
        return answer;
    }

    private void record(Caller caller, UUID menteeId, String what, AuditReads.Outcome outcome) {
        reads.record(caller.subject(), caller.personId().orElse(null), caller.roles().stream().map(Role::name).sorted().toList(), menteeId, what, outcome);
    }

    /**
     * A parameter as it was given, encoded as in a web address: the log of reads shows what was
     * asked for, and a value cannot pass for another parameter or another line.
     */
    private static String parameter(String name, String value) {
        return value == null ? "" : "&" + name + "=" + encoded(value);
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    /**
     * An instant, or a day meaning the end of that school day; none, or today, means now. The
     * record cannot be read as it will stand: a later moment is refused.
     */
    private Instant instant(String name, String value) {
        Instant now = clock.instant();
        if (value == null || value.isBlank()) {
            return now;
        }
        Instant instant;
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                instant = day.equals(LocalDate.ofInstant(now, SchoolTime.ZONE)) ? now : day.plusDays(1).atStartOfDay(SchoolTime.ZONE).toInstant().minusMillis(1);
            } else {
                instant = Instant.parse(value);
            }
        } catch (DateTimeParseException e) {
            // a + written into a web address as it stands arrives as a space
            String plus = value.contains(" ") ? " A + in a web address is read as a space: write it as %2B." : "";
            throw RuleViolation.invalid(name + " is a day (2026-10-01, meaning the end of that day) or an instant (2026-10-01T16:00:00Z); got '"
                    + value + "'." + plus);
        }
        // no record is older than the platform
        if (instant.isBefore(EARLIEST)) {
            throw RuleViolation.invalid(name + " must not fall before " + EARLIEST.toString().substring(0, 10) + "; got '" + value + "'.");
        }
        // a moment's difference between the clocks of two machines is not the future
        if (instant.isAfter(now.plusSeconds(60))) {
            throw RuleViolation.invalid(name + " is " + value + ", which is still to come: the record can be read as it stands now (leave "
                    + name + " out) or as it stood at any moment before.");
        }
        return instant.isAfter(now) ? now : instant;
    }
}
