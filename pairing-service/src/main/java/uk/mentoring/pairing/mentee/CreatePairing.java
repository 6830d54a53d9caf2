package uk.mentoring.pairing.mentee;

import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.mentoring.contracts.MenteeStage;
import uk.mentoring.pairing.AggregateIds;

/** Pair a mentee with a mentor; {@code stage} may be left out to keep the mentee's own. */
public record CreatePairing(
        UUID pairingId,
        UUID schoolId,
        UUID mentorId,
        UUID menteeId,
        MenteeStage stage,
        LocalDate pairedOn) {

    @TargetAggregateIdentifier
    public String target() {
        return AggregateIds.mentee(menteeId);
    }
}
