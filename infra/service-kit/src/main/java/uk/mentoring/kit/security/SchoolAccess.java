package uk.mentoring.kit.security;

import java.util.UUID;

import uk.mentoring.kit.domain.RuleViolation;

/**
 * Who may act on a school's records. A caller who may not even see the school hears that it
 * does not exist, exactly as for a school that really does not exist: a school lead of one school
 * learns nothing about another.
 */
public final class SchoolAccess {

    private SchoolAccess() {
    }

    /** True if the caller may know that this school exists and read what is theirs to read in it. */
    public static boolean maySee(Caller caller, UUID schoolId) {
        return caller.readsTrustWide() || caller.schoolIds().contains(schoolId);
    }

    /** Only the school's own leads change its people and pairings. */
    public static void requireLead(Caller caller, UUID schoolId) {
        if (caller.leads(schoolId)) {
            return;
        }
        if (maySee(caller, schoolId)) {
            throw RuleViolation.forbidden("school-leads-only", "Only the school's leads may do this",
                    "Changing a school's mentors, mentees and pairings is for the school's own leads.");
        }
        throw RuleViolation.notFound("School", schoolId);
    }

    public static void requireSeen(Caller caller, UUID schoolId) {
        if (!maySee(caller, schoolId)) {
            throw RuleViolation.notFound("School", schoolId);
        }
    }
}
