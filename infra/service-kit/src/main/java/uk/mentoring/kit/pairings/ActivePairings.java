package uk.mentoring.kit.pairings;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import uk.mentoring.kit.domain.RuleViolation;
import uk.mentoring.kit.domain.SchoolTime;
import uk.mentoring.kit.pairings.PairingDirectory.KnownPairing;
import uk.mentoring.kit.security.Caller;
import uk.mentoring.kit.security.PairingAccess;

/**
 * The pairing a request is about, checked: known from the pairing topic, seen by the caller and
 * acted on by the right member. Meetings, observations, reflections and targets are recorded only
 * within the pairing's life ({@link #withinPairing}): from the day it started, and, once it has
 * ended, up to its last day, so that what happened while it lasted can still be recorded late.
 */
public class ActivePairings {

    /** Records are kept for what has happened; a little allowance for clocks that run fast. */
    private static final Duration CLOCK_ALLOWANCE = Duration.ofMinutes(5);
    private static final Duration HOW_FAR_BACK = Duration.ofDays(400);

    /** Who in the pairing may do a thing. */
    public enum Member { MENTOR, MENTEE, EITHER }

    private final PairingDirectory pairings;
    private final RecordIndex index;

    public ActivePairings(PairingDirectory pairings, RecordIndex index) {
        this.pairings = pairings;
        this.index = index;
    }

    public KnownPairing forMember(UUID pairingId, Caller caller, Member member) {
        return checked(pairings.find(pairingId), caller, member, () -> RuleViolation.notFound("Pairing", pairingId));
    }

    /**
     * The pairing of an existing record (a meeting, a reflection...), checked as above. Someone
     * who may not see the pairing hears that the record is unknown, exactly as for one that does
     * not exist: never the pairing's id.
     */
    public KnownPairing forMemberOf(String kind, UUID recordId, Caller caller, Member member) {
        Supplier<RuleViolation> unknown = () -> RuleViolation.notFound(Character.toUpperCase(kind.charAt(0)) + kind.substring(1), recordId);
        UUID pairingId = index.pairingOf(kind, recordId).orElseThrow(unknown);
        return checked(pairings.find(pairingId), caller, member, unknown);
    }

    private static KnownPairing checked(Optional<KnownPairing> found, Caller caller, Member member, Supplier<RuleViolation> unknown) {
        KnownPairing pairing = found.filter(known -> PairingAccess.maySee(caller, known.members())).orElseThrow(unknown);
        switch (member) {
            case MENTOR -> PairingAccess.requireMentor(caller, pairing.members());
            case MENTEE -> PairingAccess.requireMentee(caller, pairing.members());
            case EITHER -> PairingAccess.requireMember(caller, pairing.members());
        }
        return pairing;
    }

    /** Remembers which pairing a new record belongs to, before the record is stored. */
    public void register(String kind, UUID recordId, UUID pairingId) {
        index.register(kind, recordId, pairingId);
    }

    /**
     * A day within the pairing: not before the day it started (a pairing may be made ahead of
     * its start), as the pairing service holds its ground rules and changes of support to it; and
     * not after the day it ended. A meeting held the day before the mentee left is recorded the
     * week after as held, not left to be called missed.
     */
    public static LocalDate withinPairing(KnownPairing pairing, LocalDate day, String field) {
        if (day.isBefore(pairing.pairedOn())) {
            throw RuleViolation.unprocessable("before-pairing-started", "Before the pairing started",
                    field + " (" + day + ") is before the pairing started on " + pairing.pairedOn() + ".");
        }
        pairing.endedOn().filter(day::isAfter).ifPresent(endedOn -> {
            throw RuleViolation.conflict("pairing-not-active", "Pairing has ended",
                    "Pairing " + pairing.pairingId() + " ended on " + endedOn + "; only what happened by then can still be recorded in it, with "
                            + field + " on or before that day.");
        });
        return day;
    }

    /** Something done now, with no day of its own to date it by: only while the pairing lasts. */
    public static KnownPairing stillActive(KnownPairing pairing, String what) {
        pairing.endedOn().ifPresent(endedOn -> {
            throw RuleViolation.conflict("pairing-not-active", "Pairing has ended",
                    "Pairing " + pairing.pairingId() + " ended on " + endedOn + "; " + what + " only while a pairing lasts.");
        });
        return pairing;
    }

    /** A moment within the pairing, as above, by its day in the schools' time. */
    public static Instant withinPairing(KnownPairing pairing, Instant moment, String field) {
        withinPairing(pairing, moment.atZone(SchoolTime.ZONE).toLocalDate(), field);
        return moment;
    }

    /** A moment that has happened: not in the future, not more than about a year ago. */
    public static Instant past(Instant moment, String field) {
        Instant now = Instant.now();
        if (moment.isAfter(now.plus(CLOCK_ALLOWANCE))) {
            throw RuleViolation.unprocessable("date-in-future", "Date in the future", field + " (" + moment + ") has not happened yet.");
        }
        if (moment.isBefore(now.minus(HOW_FAR_BACK))) {
            throw RuleViolation.unprocessable("date-too-old", "Date too long ago", field + " (" + moment + ") is more than 400 days ago.");
        }
        return moment;
    }
}
