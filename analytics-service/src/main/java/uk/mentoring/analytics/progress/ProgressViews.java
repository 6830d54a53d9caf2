package uk.mentoring.analytics.progress;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import uk.mentoring.analytics.progress.MenteeTimeline.Step;
import uk.mentoring.analytics.progress.PairingHistory.Meeting;
import uk.mentoring.analytics.progress.PairingHistory.Observation;
import uk.mentoring.analytics.progress.PairingHistory.Reflection;
import uk.mentoring.analytics.progress.PairingHistory.Target;
import uk.mentoring.analytics.progress.PairingProgress.Status;
import uk.mentoring.analytics.progress.PairingProgress.Trend;
import uk.mentoring.analytics.progress.TrustDirectory.MenteeCount;
import uk.mentoring.analytics.progress.TrustDirectory.Person;
import uk.mentoring.analytics.progress.TrustDirectory.School;
import uk.mentoring.contracts.MenteeStage;
import uk.mentoring.contracts.SupportLevel;
import uk.mentoring.contracts.pairing.PairingEndReason;

/**
 * The views leads, mentors, auditors and scripts ask for, composed from the pairings' histories
 * and the trust's directory each time they are asked, so they are never staler than the events.
 */
@Component
public class ProgressViews {

    /** Why a pairing may end with nobody to follow: the mentee is done with mentoring here. */
    private static final Set<String> FINISHED = Set.of(PairingEndReason.PROGRAMME_COMPLETED.name(), PairingEndReason.MENTEE_INDEPENDENT.name(),
            PairingEndReason.MENTEE_LEFT_SCHOOL.name());

    /** How many of a school's mentees waiting for a mentor its view names. */
    static final int LISTED_WAITING = 50;

    private final PairingHistories histories;
    private final TrustDirectory directory;
    private final RiskThresholds thresholds;
    private final Clock schoolClock;

    ProgressViews(PairingHistories histories, TrustDirectory directory, RiskThresholds thresholds, Clock schoolClock) {
        this.histories = histories;
        this.directory = directory;
        this.thresholds = thresholds;
        this.schoolClock = schoolClock;
    }

    /** Today in the schools' time zone. */
    public LocalDate today() {
        return LocalDate.now(schoolClock);
    }

    public TrustView trust(ProgressQuery query) {
        List<PairingHistory> all = histories.all();
        List<PairingProgress> progress = progress(all, query);
        List<School> schools = directory.schools();
        List<UUID> schoolIds = schools.stream().map(School::schoolId).toList();
        Map<UUID, Long> mentors = directory.mentorsBySchool(schoolIds);
        Map<UUID, MenteeCount> mentees = directory.menteesBySchool(schoolIds, settled(all));
        Map<UUID, List<PairingProgress>> bySchool = progress.stream().collect(Collectors.groupingBy(PairingProgress::schoolId));

        List<SchoolSummary> summaries = schools.stream().map(school -> {
            GroupProgress group = GroupProgress.of(bySchool.getOrDefault(school.schoolId(), List.of()));
            MenteeCount schoolMentees = mentees.getOrDefault(school.schoolId(), MenteeCount.NONE);
            return new SchoolSummary(school.schoolId(), school.name(), school.urn(), school.phase(), mentors.getOrDefault(school.schoolId(), 0L),
                    schoolMentees.mentees(), schoolMentees.withoutMentor(), group, VirtuousCircle.of(group));
        }).toList();
        Map<UUID, Person> people = directory.people(members(progress));
        Map<UUID, String> schoolNames = schools.stream().filter(school -> school.name() != null)
                .collect(Collectors.toMap(School::schoolId, School::name));
        List<PairingAtRisk> atRisk = progress.stream().filter(pairing -> pairing.isActive() && pairing.isAtRisk())
                .map(pairing -> new PairingAtRisk(pairing.pairingId(), pairing.schoolId(), schoolNames.get(pairing.schoolId()),
                        people.get(pairing.mentorId()), people.get(pairing.menteeId()), pairing.stage(), pairing.pairedOn(), pairing.risks()))
                .sorted(Comparator.comparing((PairingAtRisk pairing) -> -pairing.risks().size())
                        .thenComparing(pairing -> pairing.schoolName() == null ? "" : pairing.schoolName())
                        // names are sealed here: the dashboard orders by name within these groups once they are opened
                        .thenComparing(pairing -> pairing.pairingId().toString()))
                .toList();
        GroupProgress trust = GroupProgress.of(progress);
        List<Week> weeks = Week.of(progress, query.from(), query.to());
        return new TrustView(query.to(), query.from(), stages(query), schools.size(),
                summaries.stream().mapToLong(SchoolSummary::mentors).sum(), summaries.stream().mapToLong(SchoolSummary::mentees).sum(),
                summaries.stream().mapToLong(SchoolSummary::menteesWithoutMentor).sum(),
                trust, Week.InPeriod.of(weeks, query.from(), query.to()), VirtuousCircle.of(trust), byStage(progress), weeks, summaries, atRisk);
    }

    public Optional<SchoolView> school(UUID schoolId, ProgressQuery query) {
        return directory.school(schoolId).map(school -> {
            List<PairingHistory> inSchool = histories.inSchool(schoolId);
            List<PairingProgress> progress = progress(inSchool, query);
            Map<UUID, Set<UUID>> settled = settled(inSchool);
            MenteeCount mentees = directory.menteesBySchool(List.of(schoolId), settled).getOrDefault(schoolId, MenteeCount.NONE);
            Map<UUID, Person> people = directory.people(members(progress));
            List<PairingRow> rows = progress.stream()
                    .map(pairing -> new PairingRow(pairing.pairingId(), people.get(pairing.mentorId()), people.get(pairing.menteeId()), pairing.stage(),
                            pairing.status(), pairing.pairedOn(), pairing.endedOn(), pairing.support().current(), pairing.cadence().lastMeetingOn(),
                            pairing.confidence().latest(), pairing.confidence().trend(), pairing.reflections().submitted(),
                            pairing.reflections().averageDepth(), pairing.risks()))
                    .sorted(Comparator.comparing(PairingRow::status).thenComparing(row -> -row.risks().size())
                            .thenComparing(row -> row.pairingId().toString()))
                    .toList();
            GroupProgress group = GroupProgress.of(progress);
            List<Week> weeks = Week.of(progress, query.from(), query.to());
            return new SchoolView(schoolId, school.name(), school.urn(), school.phase(), query.to(), query.from(), stages(query),
                    directory.mentorsBySchool(List.of(schoolId)).getOrDefault(schoolId, 0L), mentees.mentees(),
                    mentees.withoutMentor(), mentees.withoutMentor() == 0 ? List.of() : directory.menteesWaiting(schoolId, settled, LISTED_WAITING),
                    group, Week.InPeriod.of(weeks, query.from(), query.to()), VirtuousCircle.of(group), byStage(progress), weeks, rows);
        });
    }

    /** A pairing made to start after the day asked about, or called off before it began: it has no progress to show. */
    public Optional<PairingHistory> startingAfter(UUID pairingId, LocalDate asOf) {
        return histories.pairing(pairingId).filter(history -> history.pairedOn() != null && (history.pairedOn().isAfter(asOf) || history.wasCalledOff()));
    }

    public Optional<PairingView> pairing(UUID pairingId, LocalDate asOf) {
        return histories.pairing(pairingId).filter(history -> !history.pairedOn().isAfter(asOf) && !history.wasCalledOff()).map(history -> {
            PairingProgress progress = PairingProgress.of(history, asOf, thresholds);
            Map<UUID, Person> people = directory.people(List.of(history.mentorId(), history.menteeId()));
            return new PairingView(pairingId, history.schoolId(), directory.school(history.schoolId()).map(School::name).orElse(null),
                    people.get(history.mentorId()), people.get(history.menteeId()), history.stage(), progress.pairedOn(), progress.status(),
                    progress.endedOn(), progress.endReason(), progress, Records.of(history.asOf(asOf)));
        });
    }

    public Optional<MenteeView> mentee(UUID menteeId, LocalDate asOf) {
        return directory.mentee(menteeId).map(mentee -> {
            List<PairingHistory> pairings = histories.ofMentee(menteeId).stream().filter(history -> !history.pairedOn().isAfter(asOf)).toList();
            Map<UUID, Person> people = directory.people(members(pairings.stream().map(history -> PairingProgress.of(history, asOf, thresholds)).toList()));
            Map<UUID, String> schoolNames = new LinkedHashMap<>();
            directory.schools().forEach(school -> schoolNames.put(school.schoolId(), school.name()));
            List<PairingSummary> summaries = pairings.stream().map(history -> PairingProgress.of(history, asOf, thresholds))
                    .map(pairing -> new PairingSummary(pairing.pairingId(), pairing.schoolId(), schoolNames.get(pairing.schoolId()),
                            people.get(pairing.mentorId()), people.get(pairing.menteeId()), pairing.stage(), pairing.pairedOn(), pairing.endedOn(),
                            pairing.status(), pairing.support().current(), pairing.confidence().latest(), pairing.reflections().averageDepth(), pairing.risks()))
                    .sorted(Comparator.comparing(PairingSummary::pairedOn).thenComparing(summary -> summary.pairingId().toString()))
                    .toList();
            List<Step> timeline = MenteeTimeline.of(pairings, mentee.moves().stream().filter(move -> !move.on().isAfter(asOf)).toList(), asOf);
            return new MenteeView(menteeId, mentee.schoolId(), schoolNames.get(mentee.schoolId()), mentee.displayName(), mentee.stage(), asOf,
                    summaries, timeline);
        });
    }

    /**
     * A mentor's pairings: those under way, those made to start later (a mentor may plan the first
     * meeting ahead), and those that have ended, the latest first. A pairing called off before it
     * began is none of them.
     */
    public Optional<MentorView> mentor(UUID mentorId) {
        return directory.mentor(mentorId).map(mentor -> {
            LocalDate today = today();
            List<PairingHistory> all = histories.ofMentor(mentorId).stream().filter(history -> !history.wasCalledOff()).toList();
            // a pairing yet to start is shown as it will stand on its first day
            List<PairingProgress> progress = all.stream()
                    .map(history -> PairingProgress.of(history, history.pairedOn().isAfter(today) ? history.pairedOn() : today, thresholds)).toList();
            Map<UUID, Person> people = directory.people(members(progress));
            Map<UUID, String> schoolNames = new LinkedHashMap<>();
            directory.schools().forEach(school -> schoolNames.put(school.schoolId(), school.name()));
            Comparator<PairingSummary> byStart = Comparator.comparing(PairingSummary::pairedOn).thenComparing(summary -> summary.pairingId().toString());
            List<PairingSummary> summaries = progress.stream()
                    .map(pairing -> new PairingSummary(pairing.pairingId(), pairing.schoolId(), schoolNames.get(pairing.schoolId()), people.get(pairing.mentorId()),
                            people.get(pairing.menteeId()), pairing.stage(), pairing.pairedOn(), pairing.endedOn(), pairing.status(),
                            pairing.support().current(), pairing.confidence().latest(), pairing.reflections().averageDepth(), pairing.risks()))
                    .toList();
            // away now or later, as the school last gave it; a time away that is over is no longer news
            boolean away = mentor.unavailableFrom() != null && (mentor.unavailableTo() == null || !mentor.unavailableTo().isBefore(today));
            return new MentorView(mentorId, mentor.schoolId(), schoolNames.get(mentor.schoolId()), mentor.displayName(), mentor.subjects(),
                    away ? new Away(mentor.unavailableFrom(), mentor.unavailableTo()) : null,
                    summaries.stream().filter(summary -> summary.status() == Status.ACTIVE && !summary.pairedOn().isAfter(today)).sorted(byStart).toList(),
                    summaries.stream().filter(summary -> summary.status() == Status.ACTIVE && summary.pairedOn().isAfter(today)).sorted(byStart).toList(),
                    summaries.stream().filter(summary -> summary.status() == Status.ENDED).sorted(Comparator.comparing(PairingSummary::endedOn)
                            .thenComparing(byStart).reversed()).toList());
        });
    }

    private List<PairingProgress> progress(Collection<PairingHistory> pairings, ProgressQuery query) {
        return pairings.stream().filter(query::includes).filter(history -> !history.wasCalledOff())
                .map(history -> PairingProgress.of(history, query.to(), thresholds)).toList();
    }

    /**
     * The schools each mentee needs no new mentor in today: one where they are in a pairing not
     * ended (begun or to begin later), and one where their last pairing ended because they completed
     * their programme, became independent or left the school. In any other school they are in,
     * including one they moved to, they are waiting for a mentor.
     */
    private Map<UUID, Set<UUID>> settled(Collection<PairingHistory> pairings) {
        LocalDate now = today();
        Map<UUID, Set<UUID>> settled = new HashMap<>();
        // one ended today is over, as its status says, and so is one called off
        pairings.stream().filter(pairing -> pairing.pairedOn() != null && pairing.endedOn() == null)
                .forEach(pairing -> settled.computeIfAbsent(pairing.menteeId(), mentee -> new HashSet<>()).add(pairing.schoolId()));
        pairings.stream().filter(pairing -> pairing.endedOn() != null && !pairing.endedOn().isAfter(now))
                .collect(Collectors.groupingBy(pairing -> List.of(pairing.menteeId(), pairing.schoolId()),
                        Collectors.maxBy(Comparator.comparing(PairingHistory::endedOn)
                                .thenComparing(PairingHistory::pairedOn, Comparator.nullsFirst(Comparator.naturalOrder())))))
                .forEach((menteeAndSchool, last) -> last.filter(pairing -> FINISHED.contains(pairing.endReason()))
                        .ifPresent(pairing -> settled.computeIfAbsent(pairing.menteeId(), mentee -> new HashSet<>()).add(pairing.schoolId())));
        return settled;
    }

    private static Map<MenteeStage, StageProgress> byStage(List<PairingProgress> progress) {
        Map<MenteeStage, StageProgress> byStage = new EnumMap<>(MenteeStage.class);
        progress.stream().collect(Collectors.groupingBy(PairingProgress::stage)).forEach((stage, pairings) -> {
            GroupProgress group = GroupProgress.of(pairings);
            byStage.put(stage, new StageProgress(group, VirtuousCircle.of(group)));
        });
        return byStage;
    }

    private static List<UUID> members(List<PairingProgress> progress) {
        return progress.stream().flatMap(pairing -> Stream.of(pairing.mentorId(), pairing.menteeId())).toList();
    }

    private static List<MenteeStage> stages(ProgressQuery query) {
        return new ArrayList<>(query.stages());
    }


    /**
     * The trust at a glance.
     *
     * @param mentors              mentors registered now, in every school
     * @param menteesWithoutMentor mentees enrolled now who are waiting for a mentor in the school they are in: see {@link #settled}
     * @param progress             the pairings the query selects, together
     * @param atRisk               active pairings needing a lead, most reasons first
     */
    /**
     * @param progress the pairings the period selects, each measured over its life to {@code asOf}
     * @param inPeriod what was done within the period itself
     */
    public record TrustView(LocalDate asOf, LocalDate from, List<MenteeStage> stages, long schools, long mentors, long mentees,
                            long menteesWithoutMentor, GroupProgress progress, Week.InPeriod inPeriod, VirtuousCircle circle,
                            Map<MenteeStage, StageProgress> byStage, List<Week> weeks, List<SchoolSummary> bySchool, List<PairingAtRisk> atRisk) {
    }

    public record StageProgress(GroupProgress progress, VirtuousCircle circle) {
    }

    public record SchoolSummary(UUID schoolId, String name, String urn, String phase, long mentors, long mentees, long menteesWithoutMentor,
                                GroupProgress progress, VirtuousCircle circle) {
    }

    public record PairingAtRisk(UUID pairingId, UUID schoolId, String schoolName, Person mentor, Person mentee, MenteeStage stage,
                                LocalDate pairedOn, List<Risk> risks) {
    }

    /** @param waitingForMentor the first {@value #LISTED_WAITING} of those waiting for a mentor, for the lead to pair */
    public record SchoolView(UUID schoolId, String name, String urn, String phase, LocalDate asOf, LocalDate from, List<MenteeStage> stages,
                             long mentors, long mentees, long menteesWithoutMentor, List<Person> waitingForMentor, GroupProgress progress,
                             Week.InPeriod inPeriod, VirtuousCircle circle, Map<MenteeStage, StageProgress> byStage, List<Week> weeks,
                             List<PairingRow> pairings) {
    }

    public record PairingRow(UUID pairingId, Person mentor, Person mentee, MenteeStage stage, Status status, LocalDate pairedOn, LocalDate endedOn,
                             SupportLevel support, LocalDate lastMeetingOn, Integer latestConfidence, Trend confidenceTrend, int reflections,
                             Double averageDepth, List<Risk> risks) {
    }

    public record PairingView(UUID pairingId, UUID schoolId, String schoolName, Person mentor, Person mentee, MenteeStage stage,
                              LocalDate pairedOn, Status status, LocalDate endedOn, String endReason, PairingProgress progress, Records records) {
    }

    /**
     * What the pairing has recorded, each under its id, so that its mentor and mentee can act on
     * it (hold or cancel a meeting, rate one, review a reflection, mark a target met): dates,
     * levels and states, never what was written. Meetings come in the order they fall.
     */
    public record Records(List<Meeting> meetings, List<Observation> observations, List<Reflection> reflections, List<Target> targets) {

        static Records of(PairingHistory history) {
            Comparator<LocalDate> byDay = Comparator.nullsLast(Comparator.naturalOrder());
            return new Records(
                    history.meetings().stream().sorted(Meeting.AS_THEY_FALL).toList(),
                    history.observations().stream().sorted(Comparator.comparing(Observation::observedOn, byDay).thenComparing(Observation::observationId)).toList(),
                    history.reflections().stream().sorted(Comparator.comparing(Reflection::submittedOn, byDay)
                            .thenComparing(Reflection::submittedAt, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Reflection::reflectionId)).toList(),
                    history.targets().stream().sorted(Comparator.comparing(Target::setOn, byDay).thenComparing(Target::targetId)).toList());
        }
    }

    public record PairingSummary(UUID pairingId, UUID schoolId, String schoolName, Person mentor, Person mentee, MenteeStage stage,
                                 LocalDate pairedOn, LocalDate endedOn, Status status, SupportLevel support, Integer latestConfidence,
                                 Double averageDepth, List<Risk> risks) {

        PairingSummary withoutMentor() {
            return new PairingSummary(pairingId, schoolId, schoolName, null, mentee, stage, pairedOn, endedOn, status, support, latestConfidence,
                    averageDepth, risks);
        }
    }

    public record MenteeView(UUID menteeId, UUID schoolId, String schoolName, String displayName, String stage, LocalDate asOf,
                             List<PairingSummary> pairings, List<Step> timeline) {

        /**
         * The view with the mentor of each pairing named only where {@code mayName} allows: another
         * school's mentor is that school's person, not the reader's, though the pairing's dates and
         * figures are the mentee's own history.
         */
        public MenteeView namingMentorsOnly(Predicate<PairingSummary> mayName) {
            return new MenteeView(menteeId, schoolId, schoolName, displayName, stage, asOf,
                    pairings.stream().map(pairing -> mayName.test(pairing) ? pairing : pairing.withoutMentor()).toList(), timeline);
        }
    }

    /** @param away the mentor's time away, now or ahead, as their school gave it; null while none is */
    public record MentorView(UUID mentorId, UUID schoolId, String schoolName, String displayName, List<String> subjects, Away away,
                             List<PairingSummary> activePairings, List<PairingSummary> startingLater, List<PairingSummary> endedPairings) {
    }

    /** @param to the last day away, or null while no return is known */
    public record Away(LocalDate from, LocalDate to) {
    }
}
