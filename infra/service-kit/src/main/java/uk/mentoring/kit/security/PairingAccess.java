package uk.mentoring.kit.security;

import java.util.UUID;

import uk.mentoring.kit.domain.RuleViolation;

/**
 * Who may act within a pairing. Those who may not even see it (another school's lead, another
 * mentor, another mentee) hear that it does not exist; those who may see it but not do this
 * (the trust lead, an auditor, the other member of the pairing) hear that they may not.
 */
public final class PairingAccess {

    private PairingAccess() {
    }

    public record Members(UUID pairingId, UUID schoolId, UUID mentorId, UUID menteeId) {
    }

    public static boolean maySee(Caller caller, Members pairing) {
        return caller.readsTrustWide() || caller.leads(pairing.schoolId()) || caller.is(pairing.mentorId()) || caller.is(pairing.menteeId());
    }

    /** Meetings, observations, feedback and reviews: the pairing's mentor. */
    public static void requireMentor(Caller caller, Members pairing) {
        require(caller, pairing, caller.has(Role.MENTOR) && caller.is(pairing.mentorId()),
                "mentor-only", "Only the pairing's mentor may do this");
    }

    /** Reflections and the mentee's own targets: the pairing's mentee. */
    public static void requireMentee(Caller caller, Members pairing) {
        require(caller, pairing, caller.has(Role.MENTEE) && caller.is(pairing.menteeId()),
                "mentee-only", "Only the pairing's mentee may do this");
    }

    /** Development targets: either member of the pairing. */
    public static void requireMember(Caller caller, Members pairing) {
        require(caller, pairing, (caller.has(Role.MENTOR) && caller.is(pairing.mentorId())) || (caller.has(Role.MENTEE) && caller.is(pairing.menteeId())),
                "members-only", "Only the pairing's mentor or mentee may do this");
    }

    /** Ground rules and support: the pairing's mentor, or the school's lead on their behalf. */
    public static void requireMentorOrLead(Caller caller, Members pairing) {
        require(caller, pairing, (caller.has(Role.MENTOR) && caller.is(pairing.mentorId())) || caller.leads(pairing.schoolId()),
                "mentor-or-lead-only", "Only the pairing's mentor or the school's lead may do this");
    }

    private static void require(Caller caller, Members pairing, boolean allowed, String rule, String title) {
        if (allowed) {
            return;
        }
        if (maySee(caller, pairing)) {
            throw RuleViolation.forbidden(rule, title, title + ".");
        }
        throw RuleViolation.notFound("Pairing", pairing.pairingId());
    }
}
