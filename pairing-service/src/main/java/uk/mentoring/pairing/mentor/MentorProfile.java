package uk.mentoring.pairing.mentor;

import java.time.LocalDate;
import java.util.UUID;

/** What pairing needs to know of a mentor. */
public record MentorProfile(UUID mentorId, UUID schoolId, String email, LocalDate unavailableFrom, LocalDate unavailableTo, boolean forgotten) {

    public MentorProfile(UUID mentorId, UUID schoolId, String email) {
        this(mentorId, schoolId, email, null, null, false);
    }

    public MentorProfile(UUID mentorId, UUID schoolId, String email, LocalDate unavailableFrom, LocalDate unavailableTo) {
        this(mentorId, schoolId, email, unavailableFrom, unavailableTo, false);
    }

    public boolean isAwayOn(LocalDate day) {
        return unavailableFrom != null && !day.isBefore(unavailableFrom) && (unavailableTo == null || !day.isAfter(unavailableTo));
    }

    public boolean isSamePersonAs(String otherEmail) {
        // a forgotten person's address is gone: it can no longer say two people are one
        return email != null && otherEmail != null && email.equalsIgnoreCase(otherEmail);
    }
}
