package uk.mentoring.contracts.pairing;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import uk.mentoring.contracts.MentoringEvent;

/**
 * A mentor will be away (leave, secondment, long illness) from one day to another, so leads stop
 * pairing them; both dates null means they are available again.
 */
public record MentorAvailabilityChanged(
        UUID mentorId,
        UUID schoolId,
        LocalDate unavailableFrom,
        LocalDate unavailableTo) implements MentoringEvent {

    @Override
    public UUID subject() {
        return mentorId;
    }

    @Override
    public Optional<UUID> school() {
        return Optional.of(schoolId);
    }

    public boolean isUnavailableOn(LocalDate day) {
        return unavailableFrom != null && !day.isBefore(unavailableFrom) && (unavailableTo == null || !day.isAfter(unavailableTo));
    }
}
