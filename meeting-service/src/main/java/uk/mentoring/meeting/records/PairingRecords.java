package uk.mentoring.meeting.records;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import uk.mentoring.kit.domain.RuleViolation;
import uk.mentoring.kit.pairings.PairingDirectory;
import uk.mentoring.kit.pairings.PairingDirectory.KnownPairing;
import uk.mentoring.kit.pairings.RecordIndex;
import uk.mentoring.kit.security.Caller;
import uk.mentoring.kit.security.PairingAccess;
import uk.mentoring.meeting.diary.Pairing;

/**
 * Finds the pairing a request is about and checks that the caller is its mentor and that it is
 * still active: meetings and observations are recorded only within an active pairing, by its mentor.
 */
@Component
public class PairingRecords {

    public static final String MEETING = "meeting";
    public static final String OBSERVATION = "observation";
    /** Records are kept for the day they happened; a small allowance for clocks that run fast. */
    private static final Duration CLOCK_ALLOWANCE = Duration.ofMinutes(5);
    private static final Duration HOW_FAR_BACK = Duration.ofDays(400);

    private final PairingDirectory pairings;
    private final RecordIndex index;

    PairingRecords(PairingDirectory pairings, RecordIndex index) {
        this.pairings = pairings;
        this.index = index;
    }

    /** The active pairing, when the caller is its mentor. */
    public Pairing forMentor(UUID pairingId, Caller caller) {
        KnownPairing pairing = pairings.find(pairingId)
                .filter(found -> PairingAccess.maySee(caller, found.members()))
                .orElseThrow(() -> RuleViolation.notFound("Pairing", pairingId));
        PairingAccess.requireMentor(caller, pairing.members());
        if (!pairing.isActive()) {
            throw RuleViolation.conflict("pairing-not-active", "Pairing has ended",
                    "Pairing " + pairingId + " ended on " + pairing.endedOn().orElseThrow() + "; nothing more is recorded in it.");
        }
        return new Pairing(pairing.pairingId(), pairing.schoolId(), pairing.mentorId(), pairing.menteeId());
    }

    /** The pairing of an existing meeting or observation, when the caller is its mentor. */
    public Pairing forMentorOf(String kind, UUID recordId, Caller caller) {
        UUID pairingId = index.pairingOf(kind, recordId)
                .orElseThrow(() -> RuleViolation.notFound(kind.substring(0, 1).toUpperCase() + kind.substring(1), recordId));
        return forMentor(pairingId, caller);
    }

    public void register(String kind, UUID recordId, UUID pairingId) {
        index.register(kind, recordId, pairingId);
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
