package uk.mentoring.contracts.pairing;

import java.util.Optional;
import java.util.UUID;

import uk.mentoring.contracts.MentoringEvent;
import uk.mentoring.contracts.SchoolPhase;

/** A school of the trust joined the platform. {@code urn} is its unique reference number. */
public record SchoolOnboarded(UUID schoolId, String name, String urn, SchoolPhase phase) implements MentoringEvent {

    @Override
    public UUID subject() {
        return schoolId;
    }

    @Override
    public Optional<UUID> school() {
        return Optional.of(schoolId);
    }
}
