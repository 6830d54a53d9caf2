package uk.mentoring.pairing.mentee;

import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.mentoring.contracts.MenteeStage;

/** Pair a mentee with a mentor; {@code stage} may be left out to keep the mentee's own. */
public record CreatePairing(
        UUID pairingId,
        UUID schoolId,
        UUID mentorId,
        @TargetAggregateIdentifier UUID menteeId,
        MenteeStage stage,
        LocalDate pairedOn) {
}
