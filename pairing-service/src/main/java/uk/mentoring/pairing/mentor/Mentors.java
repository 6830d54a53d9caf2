package uk.mentoring.pairing.mentor;

import java.util.Optional;
import java.util.UUID;

/** Looks mentors up for rules that span a mentor and a mentee. */
public interface Mentors {

    Optional<MentorProfile> byId(UUID mentorId);
}
