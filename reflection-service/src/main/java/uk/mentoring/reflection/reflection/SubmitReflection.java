package uk.mentoring.reflection.reflection;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.mentoring.contracts.ReflectionDepth;
import uk.mentoring.contracts.ReflectionModel;
import uk.mentoring.kit.pairings.PairingDirectory.KnownPairing;

/** {@code privateNote} is the mentee's own and never leaves this service. */
public record SubmitReflection(UUID reflectionId, KnownPairing pairing, ReflectionModel model, Map<String, String> sections,
                               ReflectionDepth selfAssessedDepth, String privateNote, Instant submittedAt) {

    @TargetAggregateIdentifier
    public String target() {
        return Reflection.idOf(reflectionId);
    }
}
