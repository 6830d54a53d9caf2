package uk.mentoring.pairing.mentor;

import java.util.UUID;

/** What pairing needs to know of a mentor. */
public record MentorProfile(UUID mentorId, UUID schoolId, String email) {

    public boolean isSamePersonAs(String otherEmail) {
        return email.equalsIgnoreCase(otherEmail);
    }
}
