package uk.mentoring.contracts;

import java.util.Optional;
import java.util.UUID;

/**
 * An event that happens within a pairing, and so in a school and in a mentee's development. It
 * carries the pairing's members, so a consumer needs no lookup to place it.
 */
public interface WithinPairing extends MentoringEvent {

    UUID pairingId();

    UUID schoolId();

    UUID mentorId();

    UUID menteeId();

    /** The pairing, unless the event is about something within it (a meeting, a reflection). */
    @Override
    default UUID subject() {
        return pairingId();
    }

    @Override
    default Optional<UUID> school() {
        return Optional.of(schoolId());
    }

    @Override
    default Optional<UUID> mentee() {
        return Optional.of(menteeId());
    }
}
