package uk.mentoring.contracts.pairing;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import uk.mentoring.contracts.MenteeStage;
import uk.mentoring.contracts.MentoringEvent;
import uk.mentoring.contracts.PersonalData;

/**
 * A trainee, early career teacher or new leader of a school was enrolled for mentoring.
 * {@code interests} are the mentee's interests outside work: knowing them builds rapport.
 */
public record MenteeEnrolled(
        UUID menteeId,
        UUID schoolId,
        @PersonalData String displayName,
        @PersonalData String email,
        MenteeStage stage,
        @PersonalData List<String> interests) implements MentoringEvent {

    public MenteeEnrolled {
        interests = interests == null ? List.of() : List.copyOf(interests);
    }

    @Override
    public UUID subject() {
        return menteeId;
    }

    @Override
    public Optional<UUID> school() {
        return Optional.of(schoolId);
    }

    @Override
    public Optional<UUID> mentee() {
        return Optional.of(menteeId);
    }
}
