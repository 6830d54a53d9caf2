package uk.mentoring.pairing.mentee;

import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.mentoring.contracts.pairing.PairingEndReason;

public record EndPairing(@TargetAggregateIdentifier UUID menteeId, UUID pairingId, PairingEndReason reason, LocalDate endedOn) {
}
