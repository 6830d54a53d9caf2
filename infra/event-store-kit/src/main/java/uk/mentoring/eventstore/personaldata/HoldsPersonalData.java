package uk.mentoring.eventstore.personaldata;

import java.util.Optional;
import java.util.UUID;

/**
 * An event a service keeps to itself (never published) whose {@code @PersonalData} fields are
 * sealed like those of published events: with the key of this person.
 */
public interface HoldsPersonalData {

    Optional<UUID> personalDataOwner();
}
