package uk.mentoring.analytics.progress;

import static com.mongodb.client.model.Updates.set;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.springframework.stereotype.Component;

import uk.mentoring.contracts.WithinPairing;
import uk.mentoring.contracts.meeting.ConfidenceRated;
import uk.mentoring.contracts.meeting.FeedbackGiven;
import uk.mentoring.contracts.meeting.LessonObserved;
import uk.mentoring.contracts.meeting.MeetingCancelled;
import uk.mentoring.contracts.meeting.MeetingHeld;
import uk.mentoring.contracts.meeting.MeetingMissed;
import uk.mentoring.contracts.meeting.MeetingScheduled;
import uk.mentoring.contracts.pairing.GroundRulesAgreed;
import uk.mentoring.contracts.pairing.PairingCreated;
import uk.mentoring.contracts.pairing.PairingEnded;
import uk.mentoring.contracts.pairing.SupportLevelChanged;
import uk.mentoring.contracts.reflection.DevelopmentTargetMet;
import uk.mentoring.contracts.reflection.DevelopmentTargetSet;
import uk.mentoring.contracts.reflection.ReflectionReviewed;
import uk.mentoring.contracts.reflection.ReflectionSubmitted;
import uk.mentoring.kit.domain.SchoolTime;
import uk.mentoring.kit.events.ReceivedEvent;

/**
 * Each pairing's history, from all three topics. Every event sets the fields of one fact, keyed
 * by that fact's own id (a meeting's, a reflection's) or by the event's id, so an event applied
 * twice changes nothing and events arriving in any order leave the same document behind. No
 * free text is kept: topics, notes, feedback and reflections stay in their own services.
 */
@Component
class PairingHistoryProjection implements ViewProjection {

    private final PairingHistories histories;

    PairingHistoryProjection(PairingHistories histories) {
        this.histories = histories;
    }

    @Override
    public void apply(ReceivedEvent event, int generation) {
        if (!(event.data() instanceof WithinPairing within)) {
            return;
        }
        Map<String, Object> facts = facts(event, within);
        if (!facts.isEmpty()) {
            histories.record(generation, within, facts.entrySet().stream().map(fact -> set(fact.getKey(), fact.getValue())).toList());
        }
    }

    @Override
    public void applyAll(List<ReceivedEvent> events, int generation) {
        Map<UUID, WithinPairing> pairings = new LinkedHashMap<>();
        Map<UUID, Map<String, Object>> merged = new LinkedHashMap<>();
        for (ReceivedEvent event : events) {
            if (event.data() instanceof WithinPairing within) {
                Map<String, Object> facts = facts(event, within);
                if (!facts.isEmpty()) {
                    // the members are the same in every event of a pairing; the last read is kept, as one by one
                    pairings.put(within.pairingId(), within);
                    merged.computeIfAbsent(within.pairingId(), pairing -> new LinkedHashMap<>()).putAll(facts);
                }
            }
        }
        Map<WithinPairing, Map<String, Object>> byPairing = new LinkedHashMap<>();
        merged.forEach((pairing, facts) -> byPairing.put(pairings.get(pairing), facts));
        histories.recordAll(generation, byPairing);
    }

    /** The facts an event tells about its pairing, each under the path of the field it sets. */
    static Map<String, Object> facts(ReceivedEvent event, WithinPairing within) {
        Map<String, Object> facts = new LinkedHashMap<>();
        if (within instanceof PairingCreated created) {
            facts.put("stage", created.stage().name());
            facts.put("pairedOn", day(created.pairedOn()));
        } else if (within instanceof PairingEnded ended) {
            facts.put("endedOn", day(ended.endedOn()));
            facts.put("endReason", ended.reason().name());
            // the day the end was recorded tells a pairing called off before its first day from one that ended on it
            facts.put("endRecordedOn", day(event.recordedAt()));
        } else if (within instanceof GroundRulesAgreed agreed) {
            // ground rules may be agreed again as they are revised; the first agreement is what counts
            facts.put("groundRules." + event.id(), day(agreed.agreedOn()));
        } else if (within instanceof SupportLevelChanged changed) {
            Document change = new Document("on", day(changed.changedOn())).append("from", changed.from().name()).append("to", changed.to().name());
            if (changed.increaseReason() != null) {
                change.append("increaseReason", changed.increaseReason().name());
            }
            facts.put("support." + event.id(), change);
        } else if (within instanceof MeetingScheduled scheduled) {
            facts.put(meeting(scheduled.meetingId(), "scheduledOn"), day(scheduled.scheduledFor()));
            facts.put(meeting(scheduled.meetingId(), "scheduledFor"), scheduled.scheduledFor().toString());
        } else if (within instanceof MeetingHeld held) {
            facts.put(meeting(held.meetingId(), "heldOn"), day(held.heldAt()));
            facts.put(meeting(held.meetingId(), "heldAt"), held.heldAt().toString());
            facts.put(meeting(held.meetingId(), "menteeConfidence"), held.menteeConfidence());
            facts.put(meeting(held.meetingId(), "quietRoomBooked"), held.quietRoomBooked());
        } else if (within instanceof ConfidenceRated rated) {
            // every rating is kept under its own event, so the latest stands in whatever order they arrive
            facts.put(meeting(rated.meetingId(), "ownRatings." + event.id()),
                    new Document("at", rated.ratedAt().toString()).append("confidence", rated.confidence()));
        } else if (within instanceof MeetingMissed missed) {
            facts.put(meeting(missed.meetingId(), "missedOn"), day(missed.scheduledFor()));
        } else if (within instanceof MeetingCancelled cancelled) {
            facts.put(meeting(cancelled.meetingId(), "cancelledOn"), day(cancelled.cancelledAt()));
        } else if (within instanceof LessonObserved observed) {
            facts.put("observations." + observed.observationId() + ".observedOn", day(observed.observedAt()));
        } else if (within instanceof FeedbackGiven feedback) {
            facts.put("observations." + feedback.observationId() + ".feedbackGiven", true);
        } else if (within instanceof ReflectionSubmitted submitted) {
            String reflection = "reflections." + submitted.reflectionId();
            facts.put(reflection + ".submittedOn", day(submitted.submittedAt()));
            facts.put(reflection + ".submittedAt", submitted.submittedAt().toString());
            facts.put(reflection + ".model", submitted.model().name());
            facts.put(reflection + ".selfAssessed", name(submitted.selfAssessedDepth()));
        } else if (within instanceof ReflectionReviewed reviewed) {
            String reflection = "reflections." + reviewed.reflectionId();
            facts.put(reflection + ".mentorAssessed", name(reviewed.assessedDepth()));
            facts.put(reflection + ".reviewedOn", day(reviewed.reviewedAt()));
        } else if (within instanceof DevelopmentTargetSet target) {
            facts.put("targets." + target.targetId() + ".setOn", day(target.setOn()));
            facts.put("targets." + target.targetId() + ".identifiedBy", target.identifiedBy().name());
        } else if (within instanceof DevelopmentTargetMet met) {
            facts.put("targets." + met.targetId() + ".metOn", day(met.metOn()));
        }
        return facts;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String meeting(Object meetingId, String field) {
        return "meetings." + meetingId + "." + field;
    }

    private static String day(LocalDate day) {
        return day.toString();
    }

    /** The school day a moment fell on. */
    private static String day(Instant moment) {
        return LocalDate.ofInstant(moment, SchoolTime.ZONE).toString();
    }
}
