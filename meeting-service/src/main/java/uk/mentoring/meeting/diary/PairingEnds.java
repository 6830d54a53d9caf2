package uk.mentoring.meeting.diary;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** When a pairing ended, as far as this service has heard: empty while it is active, or not known yet. */
@FunctionalInterface
public interface PairingEnds {

    Optional<LocalDate> endedOn(UUID pairingId);
}
