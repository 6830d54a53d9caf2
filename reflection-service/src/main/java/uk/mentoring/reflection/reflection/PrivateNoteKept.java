package uk.mentoring.reflection.reflection;

import java.util.Optional;
import java.util.UUID;

import uk.mentoring.contracts.PersonalData;
import uk.mentoring.eventstore.personaldata.HoldsPersonalData;

/**
 * The mentee's private note on their reflection. Stored with the reflection's history, sealed
 * with the mentee's key like everything they write, but not part of the published language: the
 * relay never puts it on Kafka, and no other service sees it.
 */
public record PrivateNoteKept(UUID reflectionId, UUID menteeId, @PersonalData String note) implements HoldsPersonalData {

    @Override
    public Optional<UUID> personalDataOwner() {
        return Optional.of(menteeId);
    }
}
