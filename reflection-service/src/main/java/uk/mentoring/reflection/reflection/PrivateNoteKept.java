package uk.mentoring.reflection.reflection;

import java.util.UUID;

/**
 * The mentee's private note on their reflection. Stored with the reflection's history, but not
 * part of the published language: the relay never puts it on Kafka, and no other service sees it.
 */
public record PrivateNoteKept(UUID reflectionId, UUID menteeId, String note) {
}
