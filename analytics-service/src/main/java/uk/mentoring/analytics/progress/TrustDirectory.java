package uk.mentoring.analytics.progress;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/** The trust's schools and people as {@link TrustDirectoryProjection} keeps them. */
@Component
public class TrustDirectory {

    /** What telling paired mentees by school needs of their records: not their sealed names and histories. */
    private static final Bson ID_AND_SCHOOL = Projections.include("_id", "schoolId");

    private final ViewGenerations generations;

    TrustDirectory(ViewGenerations generations) {
        this.generations = generations;
    }

    private MongoCollection<Document> schoolViews() {
        return generations.active(Collections.SCHOOLS);
    }

    private MongoCollection<Document> mentorViews() {
        return generations.active(Collections.MENTORS);
    }

    private MongoCollection<Document> menteeViews() {
        return generations.active(Collections.MENTEES);
    }

    public record School(UUID schoolId, String name, String urn, String phase) {
    }

    /** A person as dashboards name them; the name is null while their record has not arrived. */
    public record Person(UUID id, String displayName) {
    }

    public record Mentee(UUID menteeId, UUID schoolId, String displayName, String stage, List<Move> moves) {
    }

    /** @param unavailableFrom the first day of the mentor's time away as their school last gave it, null while they are available */
    public record Mentor(UUID mentorId, UUID schoolId, String displayName, List<String> subjects, LocalDate unavailableFrom, LocalDate unavailableTo) {
    }

    public record Move(LocalDate on, UUID fromSchoolId, UUID toSchoolId) {
    }

    public List<School> schools() {
        List<School> found = new ArrayList<>();
        schoolViews().find().forEach(school -> found.add(school(school)));
        found.sort(Comparator.comparing(School::name, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(school -> school.schoolId().toString()));
        return found;
    }

    public Optional<School> school(UUID schoolId) {
        return Optional.ofNullable(schoolViews().find(eq("_id", schoolId.toString())).first()).map(TrustDirectory::school);
    }

    public Optional<Mentee> mentee(UUID menteeId) {
        return Optional.ofNullable(menteeViews().find(eq("_id", menteeId.toString())).first()).map(TrustDirectory::mentee);
    }

    public Optional<Mentor> mentor(UUID mentorId) {
        return Optional.ofNullable(mentorViews().find(eq("_id", mentorId.toString())).first())
                .map(mentor -> new Mentor(mentorId, UUID.fromString(mentor.getString("schoolId")), mentor.getString("displayName"),
                        mentor.getList("subjects", String.class, List.of()), day(mentor.getString("unavailableFrom")), day(mentor.getString("unavailableTo"))));
    }

    /** Mentors of each of the given schools. */
    public Map<UUID, Long> mentorsBySchool(Collection<UUID> schools) {
        return countBySchool(mentorViews(), schools);
    }

    /**
     * How many mentees each of the given schools has, and how many of them are not among
     * {@code paired}: counted by the store, so a trust-wide read carries one figure a school rather
     * than every mentee's record.
     */
    /**
     * Each school's mentees, and how many of them wait for a mentor: all but those {@code settled}
     * in the school they are in now (a pairing finished in a school they have since left settles nothing).
     */
    public Map<UUID, MenteeCount> menteesBySchool(Collection<UUID> schools, Map<UUID, Set<UUID>> settled) {
        Map<UUID, Long> settledIn = new HashMap<>();
        if (!settled.isEmpty()) {
            menteeViews().find(in("_id", settled.keySet().stream().map(UUID::toString).toList())).projection(ID_AND_SCHOOL).forEach(mentee -> {
                String school = mentee.getString("schoolId");
                if (school != null && settled.get(UUID.fromString(mentee.getString("_id"))).contains(UUID.fromString(school))) {
                    settledIn.merge(UUID.fromString(school), 1L, Long::sum);
                }
            });
        }
        // the forgotten wait for nobody; few, so read whole by the school index
        generations.active(Collections.FORGOTTEN_MENTEES).find(in("schoolId", schools.stream().map(UUID::toString).toList())).forEach(forgotten -> {
            UUID school = UUID.fromString(forgotten.getString("schoolId"));
            if (!settled.getOrDefault(UUID.fromString(forgotten.getString("_id")), Set.of()).contains(school)) {
                settledIn.merge(school, 1L, Long::sum);
            }
        });
        Map<UUID, MenteeCount> counts = new HashMap<>();
        countBySchool(menteeViews(), schools).forEach((id, mentees) -> counts.put(id, new MenteeCount(mentees, mentees - settledIn.getOrDefault(id, 0L))));
        return counts;
    }

    /**
     * Up to {@code most} of a school's mentees not {@code settled} in it: the lead's list of who is
     * waiting for a mentor, kept short for a large school. Read by the schoolId index, ids only,
     * stopping at {@code most}; the names are looked up for those alone.
     */
    public List<Person> menteesWaiting(UUID school, Map<UUID, Set<UUID>> settled, int most) {
        List<UUID> waiting = new ArrayList<>();
        Set<UUID> forgotten = new HashSet<>();
        generations.active(Collections.FORGOTTEN_MENTEES).find(eq("schoolId", school.toString())).projection(Projections.include("_id"))
                .forEach(person -> forgotten.add(UUID.fromString(person.getString("_id"))));
        try (var ids = menteeViews().find(eq("schoolId", school.toString())).projection(Projections.include("_id")).iterator()) {
            while (ids.hasNext() && waiting.size() < most) {
                UUID id = UUID.fromString(ids.next().getString("_id"));
                if (!settled.getOrDefault(id, Set.of()).contains(school) && !forgotten.contains(id)) {
                    waiting.add(id);
                }
            }
        }
        Map<UUID, Person> named = people(waiting);
        return waiting.stream().map(named::get).toList();
    }

    /** A school's mentees, and those of them without a mentor now. */
    public record MenteeCount(long mentees, long withoutMentor) {

        public static final MenteeCount NONE = new MenteeCount(0, 0);
    }

    /** Names of the given people, mentors and mentees alike. */
    public Map<UUID, Person> people(Collection<UUID> ids) {
        List<String> wanted = ids.stream().filter(id -> id != null).map(UUID::toString).distinct().toList();
        Map<UUID, Person> found = new HashMap<>();
        for (MongoCollection<Document> people : List.of(mentorViews(), menteeViews())) {
            people.find(in("_id", wanted)).forEach(person -> found.put(UUID.fromString(person.getString("_id")),
                    new Person(UUID.fromString(person.getString("_id")), person.getString("displayName"))));
        }
        ids.stream().filter(id -> id != null).forEach(id -> found.putIfAbsent(id, new Person(id, null)));
        return found;
    }

    /**
     * One count a school, by the schoolId index: MongoDB counts those from the index alone, where
     * grouping the whole collection by school reads every record, at 60,000 mentees a third of a
     * second on the embedded server.
     */
    private static Map<UUID, Long> countBySchool(MongoCollection<Document> people, Collection<UUID> schools) {
        Map<UUID, Long> counts = new HashMap<>();
        for (UUID school : new LinkedHashSet<>(schools)) {
            long found = people.countDocuments(eq("schoolId", school.toString()));
            if (found > 0) {
                counts.put(school, found);
            }
        }
        return counts;
    }

    private static LocalDate day(String written) {
        return written == null ? null : LocalDate.parse(written);
    }

    private static School school(Document school) {
        return new School(UUID.fromString(school.getString("_id")), school.getString("name"), school.getString("urn"), school.getString("phase"));
    }

    private static Mentee mentee(Document mentee) {
        List<Move> moves = new ArrayList<>();
        Document recorded = mentee.get("moves", Document.class);
        if (recorded != null) {
            recorded.values().forEach(move -> {
                Document document = (Document) move;
                moves.add(new Move(LocalDate.parse(document.getString("on")), UUID.fromString(document.getString("from")),
                        UUID.fromString(document.getString("to"))));
            });
        }
        moves.sort(Comparator.comparing(Move::on).thenComparing(move -> String.valueOf(move.toSchoolId())));
        return new Mentee(UUID.fromString(mentee.getString("_id")), mentee.getString("schoolId") == null ? null : UUID.fromString(mentee.getString("schoolId")),
                mentee.getString("displayName"), mentee.getString("stage"), moves);
    }
}
