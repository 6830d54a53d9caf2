package uk.mentoring.meeting.diary;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import uk.mentoring.kit.domain.SchoolTime;

/**
 * How long a mentor has to record a meeting as held or cancelled before the platform calls it
 * missed: until the end of the day it was due, plus a grace ({@code mentoring.meetings.recording-grace},
 * a day by default); and never less than that grace after it was put in the diary.
 */
@Component
public class RecordingWindow {

    private final Duration grace;

    public RecordingWindow(@Value("${mentoring.meetings.recording-grace:P1D}") Duration grace) {
        this.grace = grace;
    }

    public Instant dueBy(Instant scheduledFor, Instant scheduledAt) {
        LocalDate day = scheduledFor.atZone(SchoolTime.ZONE).toLocalDate();
        Instant endOfDay = day.plusDays(1).atStartOfDay(SchoolTime.ZONE).toInstant();
        Instant byDay = endOfDay.plus(grace);
        Instant byScheduling = scheduledAt.plus(grace);
        return byDay.isAfter(byScheduling) ? byDay : byScheduling;
    }
}
