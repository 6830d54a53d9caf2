package uk.mentoring.contracts.pairing;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import uk.mentoring.contracts.MentoringEvent;

/** A pairing came to an end; the mentee may be paired again and keeps their history. */
public record PairingEnded(
        UUID pairingId,
        UUID schoolId,
        UUID mentorId,
        UUID menteeId,
        PairingEndReason reason,
        LocalDate endedOn) implements MentoringEvent {

    @Override
    public UUID subject() {
        return pairingId;
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
