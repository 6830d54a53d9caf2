package uk.mentoring.contracts.pairing;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import uk.mentoring.contracts.MentoringEvent;

/** A teacher of a school was registered as a mentor. */
public record MentorRegistered(
        UUID mentorId,
        UUID schoolId,
        String displayName,
        String email,
        List<String> subjects,
        List<String> interests) implements MentoringEvent {

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
}
