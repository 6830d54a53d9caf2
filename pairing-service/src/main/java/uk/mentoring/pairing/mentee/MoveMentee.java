package uk.mentoring.pairing.mentee;

import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.mentoring.pairing.AggregateIds;

/** Move a mentee to another school of the trust. */
public record MoveMentee(UUID menteeId, UUID toSchoolId, LocalDate movedOn) {

    @TargetAggregateIdentifier
    public String target() {
        return AggregateIds.mentee(menteeId);
    }
}
