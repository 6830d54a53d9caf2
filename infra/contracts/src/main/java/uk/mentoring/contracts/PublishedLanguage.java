package uk.mentoring.contracts;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import uk.mentoring.contracts.meeting.ConfidenceRated;
import uk.mentoring.contracts.meeting.FeedbackGiven;
import uk.mentoring.contracts.meeting.LessonObserved;
import uk.mentoring.contracts.meeting.MeetingCancelled;
import uk.mentoring.contracts.meeting.MeetingHeld;
import uk.mentoring.contracts.meeting.MeetingMissed;
import uk.mentoring.contracts.meeting.MeetingScheduled;
import uk.mentoring.contracts.pairing.GroundRulesAgreed;
import uk.mentoring.contracts.pairing.MenteeEnrolled;
import uk.mentoring.contracts.pairing.MenteeMovedSchool;
import uk.mentoring.contracts.pairing.MentorAvailabilityChanged;
import uk.mentoring.contracts.pairing.MentorRegistered;
import uk.mentoring.contracts.pairing.PairingCreated;
import uk.mentoring.contracts.pairing.PairingEnded;
import uk.mentoring.contracts.pairing.PersonForgotten;
import uk.mentoring.contracts.pairing.SchoolOnboarded;
import uk.mentoring.contracts.pairing.SupportLevelChanged;
import uk.mentoring.contracts.reflection.DevelopmentTargetMet;
import uk.mentoring.contracts.reflection.DevelopmentTargetSet;
import uk.mentoring.contracts.reflection.ReflectionReviewed;
import uk.mentoring.contracts.reflection.ReflectionSubmitted;

/**
 * Every event type the platform publishes, in every version. A type is added here together with
 * its record, its schema and its sample; a breaking change gets a new version next to the old one,
 * carried by the same record. Publishers publish the latest version of a record; consumers read
 * every version, since records of older versions stay on the topics.
 */
public final class PublishedLanguage {

    private static final List<EventType> ALL = List.of(
            new EventType(Publisher.PAIRING, "SchoolOnboarded", 1, SchoolOnboarded.class),
            new EventType(Publisher.PAIRING, "MentorRegistered", 1, MentorRegistered.class),
            new EventType(Publisher.PAIRING, "MentorRegistered", 2, MentorRegistered.class),
            new EventType(Publisher.PAIRING, "MenteeEnrolled", 1, MenteeEnrolled.class),
            new EventType(Publisher.PAIRING, "MenteeEnrolled", 2, MenteeEnrolled.class),
            new EventType(Publisher.PAIRING, "PairingCreated", 1, PairingCreated.class),
            new EventType(Publisher.PAIRING, "PairingEnded", 1, PairingEnded.class),
            new EventType(Publisher.PAIRING, "GroundRulesAgreed", 1, GroundRulesAgreed.class),
            new EventType(Publisher.PAIRING, "GroundRulesAgreed", 2, GroundRulesAgreed.class),
            new EventType(Publisher.PAIRING, "SupportLevelChanged", 1, SupportLevelChanged.class),
            new EventType(Publisher.PAIRING, "MenteeMovedSchool", 1, MenteeMovedSchool.class),
            new EventType(Publisher.PAIRING, "MentorAvailabilityChanged", 1, MentorAvailabilityChanged.class),
            new EventType(Publisher.PAIRING, "PersonForgotten", 1, PersonForgotten.class),
            new EventType(Publisher.MEETING, "MeetingScheduled", 1, MeetingScheduled.class),
            new EventType(Publisher.MEETING, "MeetingHeld", 1, MeetingHeld.class),
            new EventType(Publisher.MEETING, "MeetingHeld", 2, MeetingHeld.class),
            new EventType(Publisher.MEETING, "ConfidenceRated", 1, ConfidenceRated.class),
            new EventType(Publisher.MEETING, "MeetingCancelled", 1, MeetingCancelled.class),
            new EventType(Publisher.MEETING, "MeetingMissed", 1, MeetingMissed.class),
            new EventType(Publisher.MEETING, "LessonObserved", 1, LessonObserved.class),
            new EventType(Publisher.MEETING, "LessonObserved", 2, LessonObserved.class),
            new EventType(Publisher.MEETING, "FeedbackGiven", 1, FeedbackGiven.class),
            new EventType(Publisher.MEETING, "FeedbackGiven", 2, FeedbackGiven.class),
            new EventType(Publisher.REFLECTION, "ReflectionSubmitted", 1, ReflectionSubmitted.class),
            new EventType(Publisher.REFLECTION, "ReflectionSubmitted", 2, ReflectionSubmitted.class),
            new EventType(Publisher.REFLECTION, "ReflectionReviewed", 1, ReflectionReviewed.class),
            new EventType(Publisher.REFLECTION, "ReflectionReviewed", 2, ReflectionReviewed.class),
            new EventType(Publisher.REFLECTION, "DevelopmentTargetSet", 1, DevelopmentTargetSet.class),
            new EventType(Publisher.REFLECTION, "DevelopmentTargetSet", 2, DevelopmentTargetSet.class),
            new EventType(Publisher.REFLECTION, "DevelopmentTargetMet", 1, DevelopmentTargetMet.class));

    private static final Map<String, EventType> BY_CLOUD_EVENT_TYPE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::cloudEventType, Function.identity()));

    /** The latest version of each record: the one published from now on. */
    private static final Map<Class<?>, EventType> BY_JAVA_TYPE = ALL.stream().collect(Collectors.toUnmodifiableMap(
            EventType::javaType, Function.identity(), BinaryOperator.maxBy(Comparator.comparingInt(EventType::version))));

    private PublishedLanguage() {
    }

    /** Every version of every event type. */
    public static List<EventType> all() {
        return ALL;
    }

    /** Every version of every event type the publisher puts on its topic. */
    public static Stream<EventType> publishedBy(Publisher publisher) {
        return ALL.stream().filter(type -> type.publisher() == publisher);
    }

    /** The event type of a CloudEvent, whichever version it was published in. */
    public static Optional<EventType> byCloudEventType(String cloudEventType) {
        return Optional.ofNullable(BY_CLOUD_EVENT_TYPE.get(cloudEventType));
    }

    /** The version a record is published in from now on: the latest. */
    public static EventType of(Class<? extends MentoringEvent> javaType) {
        EventType type = BY_JAVA_TYPE.get(javaType);
        if (type == null) {
            throw new IllegalArgumentException(javaType.getName() + " is not part of the published language");
        }
        return type;
    }

    /** The version an event is published in from now on: the latest of its record. */
    public static EventType of(MentoringEvent event) {
        return of(event.getClass());
    }
}
