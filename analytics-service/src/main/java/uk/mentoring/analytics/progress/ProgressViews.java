package uk.mentoring.analytics.progress;

import static com.mongodb.client.model.Filters.eq;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/** Reads the projections as the views leads, mentors and scripts ask for. */
@Component
public class ProgressViews {

    private final MongoCollection<Document> schools;
    private final MongoCollection<Document> mentors;
    private final MongoCollection<Document> mentees;
    private final MongoCollection<Document> pairings;

    ProgressViews(MongoDatabase serviceDatabase) {
        this.schools = serviceDatabase.getCollection(Collections.SCHOOLS);
        this.mentors = serviceDatabase.getCollection(Collections.MENTORS);
        this.mentees = serviceDatabase.getCollection(Collections.MENTEES);
        this.pairings = serviceDatabase.getCollection(Collections.PAIRINGS);
    }

    public TrustView trust() {
        Map<String, SchoolCounts> counts = new HashMap<>();
        schools.find().forEach(school -> counts.put(school.getString("_id"), new SchoolCounts(school)));
        mentors.find().forEach(mentor -> counts.computeIfAbsent(mentor.getString("schoolId"), SchoolCounts::unknown).mentors++);
        mentees.find().forEach(mentee -> counts.computeIfAbsent(mentee.getString("schoolId"), SchoolCounts::unknown).mentees.add(mentee.getString("_id")));
        pairings.find().forEach(pairing -> counts.computeIfAbsent(pairing.getString("schoolId"), SchoolCounts::unknown).count(pairing));
        List<SchoolView> bySchool = counts.values().stream()
                .filter(school -> school.name != null)
                .map(SchoolCounts::view)
                .sorted(Comparator.comparing(SchoolView::name))
                .toList();
        return new TrustView(
                bySchool.size(),
                bySchool.stream().mapToLong(SchoolView::mentors).sum(),
                bySchool.stream().mapToLong(SchoolView::mentees).sum(),
                bySchool.stream().mapToLong(SchoolView::activePairings).sum(),
                bySchool.stream().mapToLong(SchoolView::menteesWithoutMentor).sum(),
                bySchool);
    }

    public Optional<SchoolView> school(UUID schoolId) {
        Document school = schools.find(eq("_id", schoolId.toString())).first();
        if (school == null) {
            return Optional.empty();
        }
        SchoolCounts counts = new SchoolCounts(school);
        Bson inSchool = eq("schoolId", schoolId.toString());
        mentors.find(inSchool).forEach(mentor -> counts.mentors++);
        mentees.find(inSchool).forEach(mentee -> counts.mentees.add(mentee.getString("_id")));
        pairings.find(inSchool).forEach(counts::count);
        return Optional.of(counts.view());
    }

    public Optional<PairingView> pairing(UUID pairingId) {
        Document pairing = pairings.find(eq("_id", pairingId.toString())).first();
        if (pairing == null || pairing.getString("pairedOn") == null) {
            return Optional.empty();
        }
        Document school = schools.find(eq("_id", pairing.getString("schoolId"))).first();
        return Optional.of(new PairingView(
                pairingId,
                UUID.fromString(pairing.getString("schoolId")),
                school == null ? null : school.getString("name"),
                person(mentors, pairing.getString("mentorId")),
                person(mentees, pairing.getString("menteeId")),
                pairing.getString("stage"),
                LocalDate.parse(pairing.getString("pairedOn")),
                status(pairing),
                Optional.ofNullable(pairing.getString("endedOn")).map(LocalDate::parse).orElse(null),
                pairing.getString("endReason")));
    }

    public Optional<MenteeView> mentee(UUID menteeId) {
        Document mentee = mentees.find(eq("_id", menteeId.toString())).first();
        if (mentee == null) {
            return Optional.empty();
        }
        List<PairingSummary> history = new ArrayList<>();
        pairings.find(eq("menteeId", menteeId.toString())).forEach(pairing -> history.add(summary(pairing)));
        history.sort(Comparator.comparing(PairingSummary::pairedOn, Comparator.nullsLast(Comparator.naturalOrder())));
        return Optional.of(new MenteeView(menteeId, UUID.fromString(mentee.getString("schoolId")), mentee.getString("displayName"),
                mentee.getString("stage"), history));
    }

    public Optional<MentorView> mentor(UUID mentorId) {
        Document mentor = mentors.find(eq("_id", mentorId.toString())).first();
        if (mentor == null) {
            return Optional.empty();
        }
        List<PairingSummary> current = new ArrayList<>();
        pairings.find(eq("mentorId", mentorId.toString())).forEach(pairing -> {
            if ("ACTIVE".equals(status(pairing))) {
                current.add(summary(pairing));
            }
        });
        return Optional.of(new MentorView(mentorId, UUID.fromString(mentor.getString("schoolId")), mentor.getString("displayName"),
                mentor.getList("subjects", String.class, List.of()), current));
    }

    private PairingSummary summary(Document pairing) {
        return new PairingSummary(UUID.fromString(pairing.getString("_id")),
                person(mentors, pairing.getString("mentorId")), person(mentees, pairing.getString("menteeId")),
                Optional.ofNullable(pairing.getString("pairedOn")).map(LocalDate::parse).orElse(null), status(pairing));
    }

    private static Person person(MongoCollection<Document> people, String id) {
        if (id == null) {
            return null;
        }
        Document person = people.find(eq("_id", id)).first();
        return new Person(UUID.fromString(id), person == null ? null : person.getString("displayName"));
    }

    static String status(Document pairing) {
        if (pairing.getString("endedOn") != null) {
            return "ENDED";
        }
        return pairing.getString("pairedOn") != null ? "ACTIVE" : "UNKNOWN";
    }

    /** Tallies for one school while reading. */
    private static final class SchoolCounts {
        final String id;
        final String name;
        final String urn;
        final String phase;
        long mentors;
        final Set<String> mentees = new HashSet<>();
        final Set<String> pairedMentees = new HashSet<>();
        long active;
        long ended;

        SchoolCounts(Document school) {
            this(school.getString("_id"), school.getString("name"), school.getString("urn"), school.getString("phase"));
        }

        private SchoolCounts(String id, String name, String urn, String phase) {
            this.id = id;
            this.name = name;
            this.urn = urn;
            this.phase = phase;
        }

        static SchoolCounts unknown(String id) {
            return new SchoolCounts(id, null, null, null);
        }

        void count(Document pairing) {
            switch (status(pairing)) {
                case "ACTIVE" -> {
                    active++;
                    pairedMentees.add(pairing.getString("menteeId"));
                }
                case "ENDED" -> ended++;
                default -> { }
            }
        }

        SchoolView view() {
            long unpaired = mentees.stream().filter(mentee -> !pairedMentees.contains(mentee)).count();
            return new SchoolView(UUID.fromString(id), name, urn, phase, mentors, mentees.size(), active, ended, unpaired);
        }
    }

    public record TrustView(long schools, long mentors, long mentees, long activePairings, long menteesWithoutMentor, List<SchoolView> bySchool) {
    }

    public record SchoolView(UUID schoolId, String name, String urn, String phase, long mentors, long mentees,
                             long activePairings, long endedPairings, long menteesWithoutMentor) {
    }

    public record Person(UUID id, String displayName) {
    }

    public record PairingView(UUID pairingId, UUID schoolId, String schoolName, Person mentor, Person mentee, String stage,
                              LocalDate pairedOn, String status, LocalDate endedOn, String endReason) {
    }

    public record PairingSummary(UUID pairingId, Person mentor, Person mentee, LocalDate pairedOn, String status) {
    }

    public record MenteeView(UUID menteeId, UUID schoolId, String displayName, String stage, List<PairingSummary> pairings) {
    }

    public record MentorView(UUID mentorId, UUID schoolId, String displayName, List<String> subjects, List<PairingSummary> activePairings) {
    }
}
