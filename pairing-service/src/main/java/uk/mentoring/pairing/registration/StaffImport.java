package uk.mentoring.pairing.registration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

import uk.mentoring.contracts.MenteeStage;
import uk.mentoring.kit.correlation.CorrelationId;
import uk.mentoring.kit.domain.RuleViolation;
import uk.mentoring.kit.security.Caller;
import uk.mentoring.pairing.mentee.EnrolMentee;
import uk.mentoring.pairing.mentor.RegisterMentor;
import uk.mentoring.pairing.school.Schools;

/**
 * A school's mentors and mentees from one CSV file, as a school lead keeps them in a spreadsheet.
 * Each row is checked on its own; a bad row is reported with its line and reason and does not
 * stop the others. A person already registered in this school is reported as such, so sending the
 * same file again creates nobody twice and loses nobody.
 */
@Service
public class StaffImport {

    static final List<String> COLUMNS = List.of("role", "displayName", "email", "stage", "subjects", "interests", "personId");
    public static final int MAX_ROWS = 10_000;
    private static final int WORKERS = 4;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s,;]+@[^@\\s,;]+\\.[^@\\s,;]+$");

    private final Registration registration;
    private final CommandGateway commands;
    private final Schools schools;

    StaffImport(Registration registration, CommandGateway commands, Schools schools) {
        this.registration = registration;
        this.commands = commands;
        this.schools = schools;
    }

    public enum Outcome { CREATED, ALREADY_REGISTERED, REFUSED }

    /**
     * One row's outcome, named by its line: the report names no one, since it may be kept to answer
     * a repeated request, and a name or address kept there would outlive a request to forget them.
     */
    public record RowResult(int line, String role, Outcome outcome, UUID id, String problem) {
    }

    public record Report(UUID schoolId, int rows, long created, long alreadyRegistered, long refused, List<RowResult> results) {
    }

    public Report importCsv(UUID schoolId, String csv, Caller caller) {
        if (!schools.isOnboarded(schoolId)) {
            throw RuleViolation.notFound("School", schoolId);
        }
        List<Csv.Line> lines = Csv.parse(csv.startsWith("\uFEFF") ? csv.substring(1) : csv);
        if (lines.isEmpty()) {
            throw RuleViolation.invalid("The file is empty; its first line names the columns: " + String.join(",", COLUMNS) + ".");
        }
        Map<String, Integer> columns = header(lines.get(0));
        List<Csv.Line> rows = lines.subList(1, lines.size());
        if (rows.size() > MAX_ROWS) {
            throw RuleViolation.invalid("A file holds at most " + MAX_ROWS + " people; this one has " + rows.size() + ". Split it.");
        }
        // rows are checked in file order (to name repeats), then registered side by side
        Map<String, Integer> seenInFile = new HashMap<>();
        List<Callable<RowResult>> work = new ArrayList<>();
        Optional<String> correlation = CorrelationId.current();
        for (Csv.Line row : rows) {
            Callable<RowResult> checked = checkRow(schoolId, row, columns, seenInFile, caller);
            work.add(() -> {
                RowResult[] result = new RowResult[1];
                CorrelationId.within(correlation, () -> {
                    try {
                        result[0] = checked.call();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                return result[0];
            });
        }
        List<RowResult> results = new ArrayList<>();
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        try {
            for (Future<RowResult> result : workers.invokeAll(work)) {
                results.add(result.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("import interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            workers.shutdown();
        }
        return new Report(schoolId, rows.size(),
                results.stream().filter(result -> result.outcome() == Outcome.CREATED).count(),
                results.stream().filter(result -> result.outcome() == Outcome.ALREADY_REGISTERED).count(),
                results.stream().filter(result -> result.outcome() == Outcome.REFUSED).count(),
                results);
    }

    /** Checks a row now; what it returns registers it (or reports why not) when called. */
    private Callable<RowResult> checkRow(UUID schoolId, Csv.Line row, Map<String, Integer> columns, Map<String, Integer> seenInFile, Caller caller) {
        String role = value(row, columns, "role").toLowerCase(Locale.ROOT);
        String displayName = value(row, columns, "displayName");
        String email = value(row, columns, "email");
        List<String> problems = new ArrayList<>();
        if (row.fields().size() > columns.size()) {
            problems.add("has " + row.fields().size() + " fields, the header names " + columns.size() + " (a comma in a name needs quotes)");
        }
        if (role.isEmpty()) {
            problems.add("role is required: mentor or mentee");
        } else if (!role.equals("mentor") && !role.equals("mentee")) {
            problems.add("role must be mentor or mentee");
        }
        if (displayName.isBlank()) {
            problems.add("displayName is required");
        } else if (displayName.length() > 120) {
            problems.add("displayName must be 1 to 120 characters");
        }
        if (email.isEmpty()) {
            problems.add("email is required");
        } else if (!EMAIL.matcher(email).matches() || email.length() > 254) {
            problems.add("email must be an email address");
        }
        MenteeStage stage = null;
        if (role.equals("mentee")) {
            String given = value(row, columns, "stage");
            try {
                stage = MenteeStage.valueOf(given.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add("stage " + (given.isEmpty() ? "is required for a mentee: " : "must be ") + "one of "
                        + Arrays.stream(MenteeStage.values()).map(Enum::name).collect(Collectors.joining(", ")));
            }
        }
        List<String> subjects = list(value(row, columns, "subjects"));
        List<String> interests = list(value(row, columns, "interests"));
        if (subjects.size() > 20 || interests.size() > 20 || subjects.stream().anyMatch(s -> s.length() > 80) || interests.stream().anyMatch(s -> s.length() > 80)) {
            problems.add("subjects and interests take at most 20 entries of 80 characters, separated by ;");
        }
        Optional<UUID> personId = Optional.empty();
        String givenId = value(row, columns, "personId");
        if (!givenId.isBlank()) {
            try {
                personId = Optional.of(UUID.fromString(givenId));
            } catch (IllegalArgumentException e) {
                problems.add("personId must be an id such as 3c7e2a90-8b1d-4e5f-a6c3-2d9f0e1b4a77");
            }
        }
        String key = role + ":" + email.toLowerCase(Locale.ROOT);
        Integer earlier = seenInFile.putIfAbsent(key, row.number());
        if (earlier != null) {
            problems.add("repeats line " + earlier);
        }
        if (!problems.isEmpty()) {
            RowResult refused = new RowResult(row.number(), role, Outcome.REFUSED, null, String.join("; ", problems));
            return () -> refused;
        }
        MenteeStage menteeStage = stage;
        UUID id = personId.orElseGet(UUID::randomUUID);
        boolean idGiven = personId.isPresent();
        return () -> register(schoolId, row, role, displayName, email, menteeStage, subjects, interests, id, idGiven, caller);
    }

    private RowResult register(UUID schoolId, Csv.Line row, String role, String displayName, String email, MenteeStage menteeStage,
                               List<String> subjects, List<String> interests, UUID id, boolean idGiven, Caller caller) {
        UniqueRegister.Kind kind = role.equals("mentor") ? UniqueRegister.Kind.MENTOR_EMAIL : UniqueRegister.Kind.MENTEE_EMAIL;
        Optional<UniqueRegister.Holder> holder = registration.holderOf(kind, email);
        if (holder.isPresent()) {
            return holder.get().schoolId().equals(schoolId)
                    ? new RowResult(row.number(), role, Outcome.ALREADY_REGISTERED, holder.get().holderId(), null)
                    : new RowResult(row.number(), role, Outcome.REFUSED, null, "already registered in another school of the trust");
        }
        try {
            if (idGiven) {
                registration.requireNoOtherSchool(id, schoolId);
            }
            registration.register(kind, email, id, schoolId, caller, () -> commands.sendAndWait(role.equals("mentor")
                    ? new RegisterMentor(id, schoolId, displayName, email, subjects, interests)
                    : new EnrolMentee(id, schoolId, displayName, email, menteeStage, interests)));
            return new RowResult(row.number(), role, Outcome.CREATED, id, null);
        } catch (RuleViolation refused) {
            return new RowResult(row.number(), role, Outcome.REFUSED, null, refused.getMessage());
        }
    }

    /**
     * The columns by name, read as a person types them: "Display Name", "display_name" and
     * "displayName" are one column.
     */
    private static Map<String, Integer> header(Csv.Line header) {
        if (header.fields().size() == 1 && header.fields().get(0).contains(";")) {
            throw RuleViolation.invalid("The columns are separated by semicolons; the file separates them by commas. Save it from the spreadsheet"
                    + " as \"CSV UTF-8 (Comma delimited)\" and send it again.");
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String given = header.fields().get(i).strip();
            String key = given.replaceAll("[\\s_-]", "").toLowerCase(Locale.ROOT);
            columns.put(COLUMNS.stream().filter(column -> column.toLowerCase(Locale.ROOT).equals(key)).findFirst().orElse(given), i);
        }
        Set<String> missing = Set.of("role", "displayName", "email").stream().filter(name -> !columns.containsKey(name)).collect(Collectors.toSet());
        List<String> unknown = columns.keySet().stream().filter(name -> !COLUMNS.contains(name)).sorted().toList();
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw RuleViolation.invalid("The first line names the columns (" + String.join(",", COLUMNS) + "; role, displayName and email required)"
                    + (missing.isEmpty() ? "" : "; missing: " + String.join(", ", missing.stream().sorted().toList()))
                    + (unknown.isEmpty() ? "" : "; not known: " + String.join(", ", unknown)) + ".");
        }
        return columns;
    }

    private static String value(Csv.Line row, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        return index == null || index >= row.fields().size() ? "" : row.fields().get(index).strip();
    }

    private static List<String> list(String value) {
        return value.isBlank() ? List.of() : Arrays.stream(value.split(";")).map(String::strip).filter(entry -> !entry.isEmpty()).toList();
    }
}
