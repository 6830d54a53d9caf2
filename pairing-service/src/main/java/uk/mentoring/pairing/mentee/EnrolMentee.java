package uk.mentoring.pairing.mentee;

import java.util.List;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.mentoring.contracts.MenteeStage;

public record EnrolMentee(
        @TargetAggregateIdentifier UUID menteeId,
        UUID schoolId,
        String displayName,
        String email,
        MenteeStage stage,
        List<String> interests) {
}
