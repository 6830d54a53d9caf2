package uk.mentoring.contracts;

import java.util.Optional;
import java.util.UUID;

/**
 * An event of the published language: something that happened in the mentoring of a teacher.
 *
 * <p>Events are immutable facts, named in the past tense. The first three methods below say what
 * an event is about, so that it can travel as a CloudEvent whose {@code subject}, {@code schoolid}
 * and {@code menteeid} a consumer can route and filter on without reading the data.
 */
public interface MentoringEvent {

    /** What the event is about: the school, person, pairing, meeting or reflection it concerns. */
    UUID subject();

    /** The school the event belongs to, where there is one. */
    default Optional<UUID> school() {
        return Optional.empty();
    }

    /** The mentee whose development the event is part of, where there is one. */
    default Optional<UUID> mentee() {
        return Optional.empty();
    }

    /**
     * The person whose key seals the event's {@link PersonalData} fields, where it has any.
     * Personal data is sealed per person so that forgetting someone takes destroying one key; the
     * personal data an event carries is, unless it says otherwise, about the mentee whose
     * development it records, so it is theirs to have forgotten.
     */
    default Optional<UUID> personalDataOwner() {
        return mentee();
    }
}
