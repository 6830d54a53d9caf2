package uk.mentoring.pairing.mentee;

import java.util.List;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.mentoring.contracts.MenteeStage;
import uk.mentoring.pairing.AggregateIds;

public record EnrolMentee(
        UUID menteeId,
        UUID schoolId,
        String displayName,
        String email,
        MenteeStage stage,
        List<String> interests) {

    @TargetAggregateIdentifier
    public String target() {
        return AggregateIds.mentee(menteeId);
    }
}
