package uk.mentoring.contracts.meeting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import uk.mentoring.contracts.PersonalData;
import uk.mentoring.contracts.WithinPairing;

/**
 * A meeting took place. {@code firstMeeting} is worked out by the platform, never taken from the
 * caller: true when no meeting recorded before it took place earlier (so a first meeting recorded
 * late still says so, beside the record made before it); {@code menteeConfidence} is the mentee's
 * own rating from 1 to 5.
 */
public record MeetingHeld(
        UUID meetingId,
        UUID pairingId,
        UUID schoolId,
        UUID mentorId,
        UUID menteeId,
        Instant heldAt,
        int durationMinutes,
        boolean firstMeeting,
        boolean quietRoomBooked,
        @PersonalData List<String> topics,
        @PersonalData List<String> agreedActions,
        int menteeConfidence) implements WithinPairing {

    public MeetingHeld {
        topics = topics == null ? List.of() : List.copyOf(topics);
        agreedActions = agreedActions == null ? List.of() : List.copyOf(agreedActions);
    }

    @Override
    public UUID subject() {
        return meetingId;
    }
}
