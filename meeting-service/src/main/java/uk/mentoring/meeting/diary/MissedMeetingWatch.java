package uk.mentoring.meeting.diary;

import static com.mongodb.client.model.Filters.in;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.mongodb.client.MongoDatabase;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import uk.mentoring.contracts.meeting.MeetingCancelled;
import uk.mentoring.contracts.meeting.MeetingHeld;
import uk.mentoring.contracts.meeting.MeetingMissed;
import uk.mentoring.contracts.meeting.MeetingScheduled;
import uk.mentoring.kit.events.EventJson;

/**
 * Deadlines live in memory; after a restart they are set again from the event store itself for
 * every meeting still waiting to be recorded. A deadline set twice (two instances) is harmless:
 * the diary only calls a meeting missed while it is still scheduled.
 */
@Component
class MissedMeetingWatch {

    private static final Logger log = LoggerFactory.getLogger(MissedMeetingWatch.class);

    private final MongoDatabase database;
    private final DeadlineManager deadlines;
    private final RecordingWindow window;

    MissedMeetingWatch(MongoDatabase serviceDatabase, DeadlineManager deadlines, RecordingWindow window) {
        this.database = serviceDatabase;
        this.deadlines = deadlines;
        this.window = window;
    }

    @EventListener(ApplicationReadyEvent.class)
    void restoreDeadlines() {
        Map<UUID, Document> scheduled = new HashMap<>();
        Set<UUID> recorded = new HashSet<>();
        database.getCollection("domainevents")
                .find(in("payloadType", List.of(MeetingScheduled.class.getName(), MeetingHeld.class.getName(),
                        MeetingCancelled.class.getName(), MeetingMissed.class.getName())))
                .forEach(document -> {
                    UUID meetingId = UUID.fromString(readTree(document).path("meetingId").asText());
                    if (MeetingScheduled.class.getName().equals(document.getString("payloadType"))) {
                        scheduled.put(meetingId, document);
                    } else {
                        recorded.add(meetingId);
                    }
                });
        scheduled.keySet().removeAll(recorded);
        int restored = 0;
        for (Map.Entry<UUID, Document> waiting : scheduled.entrySet()) {
            MeetingScheduled meeting = read(waiting.getValue(), MeetingScheduled.class);
            Instant dueBy = window.dueBy(meeting.scheduledFor(), Instant.parse(waiting.getValue().getString("timestamp")));
            deadlines.schedule(dueBy, MeetingDue.DEADLINE, new MeetingDue(waiting.getKey()),
                    new AggregateScopeDescriptor(MeetingDiary.class.getSimpleName(), MeetingDiary.idOf(meeting.pairingId())));
            restored++;
        }
        if (restored > 0) {
            log.info("Watching {} scheduled meetings for being missed", restored);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(Document document) {
        try {
            return EventJson.mapper().readTree(document.getString("serializedPayload"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(Document document, Class<T> type) {
        try {
            return EventJson.mapper().readValue(document.getString("serializedPayload"), type);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
