package uk.mentoring.pairing.mentor;

import java.util.List;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RegisterMentor(
        @TargetAggregateIdentifier UUID mentorId,
        UUID schoolId,
        String displayName,
        String email,
        List<String> subjects,
        List<String> interests) {
}
