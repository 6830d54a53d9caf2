package uk.mentoring.contracts.pairing;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import uk.mentoring.contracts.PersonalData;
import uk.mentoring.contracts.WithinPairing;

/**
 * Mentor and mentee agreed how they work together: their ground rules, a weekly slot so both
 * have dedicated time, and the quiet room where they meet. Agreed again, it replaces the last.
 */
public record GroundRulesAgreed(
        UUID pairingId,
        UUID schoolId,
        UUID mentorId,
        UUID menteeId,
        @PersonalData List<String> rules,
        DayOfWeek weeklyDay,
        LocalTime weeklyTime,
        String room,
        LocalDate agreedOn) implements WithinPairing {

    public GroundRulesAgreed {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
