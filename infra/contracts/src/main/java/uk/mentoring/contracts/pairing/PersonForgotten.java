package uk.mentoring.contracts.pairing;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import uk.mentoring.contracts.MentoringEvent;

/**
 * A mentor or mentee was forgotten at their request (UK GDPR erasure). Every service destroys the
 * key that sealed their personal data; their events stay, so the history of pairings, meetings and
 * targets still adds up, with personal fields reading as erased.
 */
public record PersonForgotten(
        UUID personId,
        UUID schoolId,
        PersonRole role,
        LocalDate forgottenOn) implements MentoringEvent {

    @Override
    public UUID subject() {
        return personId;
    }

    @Override
    public Optional<UUID> school() {
        return Optional.of(schoolId);
    }

    /** A forgotten mentee's record joins the partition of their other events, so it is read after them all. */
    @Override
    public Optional<UUID> mentee() {
        return role == PersonRole.MENTEE ? Optional.of(personId) : Optional.empty();
    }

    /** It carries nothing personal: no key seals it, so it stays readable after the person is gone. */
    @Override
    public Optional<UUID> personalDataOwner() {
        return Optional.empty();
    }
}
