package uk.mentoring.contracts.pairing;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import uk.mentoring.contracts.MentoringEvent;

/** A mentee moved to another school of the trust, keeping their history; any pairing ended first. */
public record MenteeMovedSchool(
        UUID menteeId,
        UUID fromSchoolId,
        UUID toSchoolId,
        LocalDate movedOn) implements MentoringEvent {

    @Override
    public UUID subject() {
        return menteeId;
    }

    /** The school the mentee belongs to from now on. */
    @Override
    public Optional<UUID> school() {
        return Optional.of(toSchoolId);
    }

    @Override
    public Optional<UUID> mentee() {
        return Optional.of(menteeId);
    }
}
