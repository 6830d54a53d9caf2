package uk.mentoring.contracts.pairing;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import uk.mentoring.contracts.MentoringEvent;
import uk.mentoring.contracts.PersonalData;

/** A teacher of a school was registered as a mentor. */
public record MentorRegistered(
        UUID mentorId,
        UUID schoolId,
        @PersonalData String displayName,
        @PersonalData String email,
        List<String> subjects,
        @PersonalData List<String> interests) implements MentoringEvent {

    public MentorRegistered {
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
        interests = interests == null ? List.of() : List.copyOf(interests);
    }

    @Override
    public UUID subject() {
        return mentorId;
    }

    @Override
    public Optional<UUID> school() {
        return Optional.of(schoolId);
    }

    /** A mentor's name, email and interests are the mentor's own, whichever mentees they have. */
    @Override
    public Optional<UUID> personalDataOwner() {
        return Optional.of(mentorId);
    }
}
