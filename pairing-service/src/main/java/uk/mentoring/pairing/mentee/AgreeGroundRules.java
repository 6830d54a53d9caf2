package uk.mentoring.pairing.mentee;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.mentoring.pairing.AggregateIds;

public record AgreeGroundRules(UUID menteeId, UUID pairingId, List<String> rules, DayOfWeek weeklyDay, LocalTime weeklyTime,
                               String room, LocalDate agreedOn) {

    @TargetAggregateIdentifier
    public String target() {
        return AggregateIds.mentee(menteeId);
    }
}
