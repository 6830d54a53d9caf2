package uk.mentoring.contracts.reflection;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import uk.mentoring.contracts.MentoringEvent;

/** An area to develop was set as a target. {@code identifiedBy} says who saw the need: a mentee who names their own targets is becoming an independent professional. */
public record DevelopmentTargetSet(
        UUID targetId,
        UUID pairingId,
        UUID schoolId,
        UUID mentorId,
        UUID menteeId,
        String area,
        IdentifiedBy identifiedBy,
        LocalDate setOn) implements MentoringEvent {

    @Override
    public UUID subject() {
        return targetId;
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
