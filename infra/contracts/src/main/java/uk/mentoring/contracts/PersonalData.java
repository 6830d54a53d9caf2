package uk.mentoring.contracts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an event field that holds personal data: names, contact details, interests, free text
 * about a person.
 *
 * <p>Such a field travels sealed with the key of the person the event names in
 * {@link MentoringEvent#personalDataOwner()}, as
 * {@code pd1.<publisher short name>.<person uuid>.<base64url without padding>} (see
 * {@link SealedText}): one sealed string per text value, so the items of a list and the values of
 * a map are each sealed on their own, while map keys stay plain. Once that person has been
 * forgotten the field reads {@link SealedText#ERASED}: destroying one key is enough to forget a
 * person, wherever copies of their events went, without rewriting a single event.
 *
 * <p>Version 1 of an event type predates sealing: in records of that version, still on the topics,
 * the same fields hold plain text.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface PersonalData {
}
