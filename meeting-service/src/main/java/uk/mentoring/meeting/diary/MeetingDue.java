package uk.mentoring.meeting.diary;

import java.util.UUID;

/** The payload of the deadline by which a scheduled meeting must be recorded as held or cancelled. */
public record MeetingDue(UUID meetingId) {

    public static final String DEADLINE = "meeting-due";
}
