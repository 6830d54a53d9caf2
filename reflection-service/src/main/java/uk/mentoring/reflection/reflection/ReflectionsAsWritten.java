package uk.mentoring.reflection.reflection;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import uk.mentoring.contracts.ReflectionDepth;
import uk.mentoring.contracts.ReflectionModel;
import uk.mentoring.contracts.reflection.ReflectionReviewed;
import uk.mentoring.contracts.reflection.ReflectionSubmitted;

/**
 * A reflection as its mentee wrote it and its mentor answered it, read from its own history: the
 * mentor reads it to judge its depth, the mentee reads the answer. Personal fields come opened, or
 * erased once the mentee has been forgotten.
 */
@Component
public class ReflectionsAsWritten {

    private final EventStore events;

    ReflectionsAsWritten(EventStore events) {
        this.events = events;
    }

    public Optional<WrittenReflection> find(UUID reflectionId) {
        WrittenReflection[] read = new WrittenReflection[1];
        events.readEvents(Reflection.idOf(reflectionId)).asStream().forEach(event -> {
            Object payload = event.getPayload();
            if (payload instanceof ReflectionSubmitted submitted) {
                read[0] = new WrittenReflection(submitted.reflectionId(), submitted.pairingId(), submitted.model(), submitted.sections(),
                        submitted.selfAssessedDepth(), submitted.submittedAt(), null, null);
            } else if (payload instanceof PrivateNoteKept note && read[0] != null) {
                read[0] = read[0].withPrivateNote(note.note());
            } else if (payload instanceof ReflectionReviewed reviewed && read[0] != null) {
                read[0] = read[0].withReview(new Review(reviewed.assessedDepth(), reviewed.feedback(), reviewed.reviewedAt()));
            }
        });
        return Optional.ofNullable(read[0]);
    }

    /** @param privateNote the mentee's own, for the mentee alone; null where there is none or the reader is not the mentee */
    public record WrittenReflection(UUID reflectionId, UUID pairingId, ReflectionModel model, Map<String, String> sections,
                                    ReflectionDepth selfAssessedDepth, Instant submittedAt, String privateNote, Review review) {

        WrittenReflection withPrivateNote(String note) {
            return new WrittenReflection(reflectionId, pairingId, model, sections, selfAssessedDepth, submittedAt, note, review);
        }

        WrittenReflection withReview(Review answer) {
            return new WrittenReflection(reflectionId, pairingId, model, sections, selfAssessedDepth, submittedAt, privateNote, answer);
        }

        public WrittenReflection withoutPrivateNote() {
            return withPrivateNote(null);
        }
    }

    /** The mentor's answer: the depth they judge it reached, and what they wrote back. */
    public record Review(ReflectionDepth assessedDepth, String feedback, Instant reviewedAt) {
    }
}
