package uk.mentoring.reflection.reflection;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.mentoring.contracts.ReflectionDepth;

public record ReviewReflection(UUID reflectionId, ReflectionDepth assessedDepth, String feedback, Instant reviewedAt) {

    @TargetAggregateIdentifier
    public String target() {
        return Reflection.idOf(reflectionId);
    }
}
