package uk.mentoring.pairing.mentor;

import java.util.List;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.mentoring.pairing.AggregateIds;

public record RegisterMentor(
        UUID mentorId,
        UUID schoolId,
        String displayName,
        String email,
        List<String> subjects,
        List<String> interests) {

    @TargetAggregateIdentifier
    public String target() {
        return AggregateIds.mentor(mentorId);
    }
}
