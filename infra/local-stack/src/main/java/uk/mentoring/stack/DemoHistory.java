package uk.mentoring.stack;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A term of mentoring for one pairing, recorded as it would have been: the mentor schedules and
 * holds the weekly meeting and observes lessons, the mentee reflects and sets targets, support is
 * stepped down as the mentee grows. Each pairing's story differs, so that every signal a lead
 * wants flagged (late first meeting, no ground rules, missed meetings, falling confidence, gone
 * quiet, shallow reflection) occurs at least once, beside pairings that thrive.
 */
final class DemoHistory {

    private static final ZoneId SCHOOL_TIME = ZoneId.of("Europe/London");

    enum Story {
        THRIVING, STEADY, TOWARDS_INDEPENDENCE, LATE_START_NO_GROUND_RULES, FALLING_CONFIDENCE, MISSED_MEETINGS, GONE_QUIET, SHALLOW_REFLECTIONS
    }

    record Cast(UUID pairingId, String mentor, String mentee, LocalDate pairedOn) {
    }

    private static final List<String> TOPICS = List.of("Behaviour routines", "Questioning", "Planning for the week", "Marking and feedback",
            "Workload and wellbeing", "Adaptive teaching", "Parents' evening", "Assessment data", "Classroom presence", "Working with support staff");
    private static final List<String> ACTIONS = List.of("Share next week's plans", "Try cold calling in one lesson", "Observe a colleague's starter",
            "Book the quiet room for next week", "Draft one target for the half term", "Time the lesson phases");

    private final PlatformClient platform;
    private final LocalDate today;
    private final Map<String, String> tokens = new HashMap<>();
    private int recorded;

    DemoHistory(PlatformClient platform, LocalDate today) {
        this.platform = platform;
        this.today = today;
    }

    static LocalDate today() {
        return LocalDate.now(SCHOOL_TIME);
    }

    int recorded() {
        return recorded;
    }

    void tell(Story story, Cast cast) {
        DayOfWeek day = story == Story.THRIVING ? DayOfWeek.TUESDAY : story == Story.STEADY ? DayOfWeek.WEDNESDAY : DayOfWeek.THURSDAY;
        int firstMeetingAfter = story == Story.LATE_START_NO_GROUND_RULES ? 16 : 1;
        LocalDate first = cast.pairedOn().plusDays(firstMeetingAfter);
        // gone quiet: no meeting for more than two weeks, no reflection for more than three
        LocalDate quietSince = story == Story.GONE_QUIET ? today.minusDays(25) : today;
        List<LocalDate> meetingDays = new java.util.ArrayList<>();
        meetingDays.add(first);
        for (LocalDate next = first.plusDays(1).with(TemporalAdjusters.next(day)); next.isBefore(quietSince); next = next.plusWeeks(1)) {
            meetingDays.add(next);
        }

        int held = 0;
        for (int week = 0; week < meetingDays.size(); week++) {
            LocalDate meetingDay = meetingDays.get(week);
            LocalDateTime at = meetingDay.atTime(LocalTime.of(15, 45));
            String step = cast.pairingId() + ":meeting:" + week;
            String meetingId = id(post("/api/meetings", cast.mentor(), step, Map.of("pairingId", cast.pairingId(), "scheduledFor", at.toString(),
                    "durationMinutes", 45, "room", week == 0 || story != Story.LATE_START_NO_GROUND_RULES ? "Library quiet room" : "Classroom 12")));
            boolean missed = story == Story.MISSED_MEETINGS && (week == 2 || week == 5 || week == meetingDays.size() - 1);
            boolean cancelled = story == Story.STEADY && week == 5;
            if (missed) {
                continue; // never recorded: the platform will call it missed
            }
            if (cancelled) {
                post("/api/meetings/" + meetingId + "/cancel", cast.mentor(), step + ":cancel",
                        Map.of("reason", "SCHOOL_EVENT", "cancelledAt", at.minusDays(1).toString()));
                continue;
            }
            post("/api/meetings/" + meetingId + "/held", cast.mentor(), step + ":held", Map.of(
                    "heldAt", at.plusMinutes(2).toString(), "durationMinutes", 45 + week % 3 * 5,
                    "quietRoomBooked", story != Story.LATE_START_NO_GROUND_RULES,
                    "topics", List.of(week == 0 ? "Getting to know each other" : TOPICS.get(week % TOPICS.size()), TOPICS.get((week + 3) % TOPICS.size())),
                    "agreedActions", List.of(ACTIONS.get(week % ACTIONS.size())),
                    "menteeConfidence", confidence(story, held, meetingDays.size())));
            if (story == Story.FALLING_CONFIDENCE && week == meetingDays.size() - 1) {
                // the mentee gives the low rating again themself: the dashboard shows it as theirs
                post("/api/meetings/" + meetingId + "/confidence", cast.mentee(), step + ":confidence",
                        Map.of("confidence", confidence(story, held, meetingDays.size())));
            }
            held++;
            if (week == 0 && story != Story.LATE_START_NO_GROUND_RULES && story != Story.MISSED_MEETINGS) {
                groundRules(cast, day, meetingDay);
            }
            if (week == 3 && story == Story.MISSED_MEETINGS) {
                groundRules(cast, day, meetingDay); // agreed, but not at the first meeting
            }
            if (week % 2 == 1) {
                reflect(story, cast, week, meetingDay.plusDays(1).atTime(19, 30));
            }
            if (week == 2 || week == 7) {
                observe(story, cast, week, meetingDay.plusDays(2));
            }
            support(story, cast, week, meetingDay);
        }
        if (story != Story.GONE_QUIET && story != Story.MISSED_MEETINGS) {
            LocalDate next = today.plusDays(1).with(TemporalAdjusters.nextOrSame(day));
            post("/api/meetings", cast.mentor(), cast.pairingId() + ":meeting:next", Map.of("pairingId", cast.pairingId(),
                    "scheduledFor", next.atTime(15, 45).toString(), "durationMinutes", 45, "room", "Library quiet room"));
        }
        targets(story, cast, meetingDays);
    }

    /** The mentee's own rating, 1 to 5, meeting by meeting. */
    private static int confidence(Story story, int meeting, int meetings) {
        return switch (story) {
            case THRIVING -> Math.min(5, 2 + meeting / 3);
            case TOWARDS_INDEPENDENCE -> Math.min(5, 3 + meeting / 3);
            case STEADY -> meeting < 4 ? 3 : 4;
            case LATE_START_NO_GROUND_RULES -> meeting < 2 ? 2 : 3;
            case FALLING_CONFIDENCE -> {
                int fromEnd = meetings - 1 - meeting;
                yield fromEnd == 0 ? 2 : fromEnd == 1 ? 3 : meeting < 2 ? 3 : 4;
            }
            case GONE_QUIET -> meeting < 3 ? 3 : 2;
            default -> 3;
        };
    }

    private void groundRules(Cast cast, DayOfWeek day, LocalDate agreedOn) {
        post("/api/pairings/" + cast.pairingId() + "/ground-rules", cast.mentor(), cast.pairingId() + ":ground-rules", Map.of(
                "rules", List.of("We meet every week, whatever the week brings", "What is said here stays here, unless someone is at risk",
                        "Feedback is honest and kind", "Either of us can ask for an extra meeting"),
                "weeklyDay", day.name(), "weeklyTime", "15:45", "room", "Library quiet room", "agreedOn", agreedOn.toString()));
    }

    private void reflect(Story story, Cast cast, int week, LocalDateTime writtenAt) {
        if (!hasHappened(writtenAt)) {
            return;
        }
        String step = cast.pairingId() + ":reflection:" + week;
        String depth = depth(story, week);
        Map<String, String> sections = new LinkedHashMap<>();
        String model;
        if (story == Story.SHALLOW_REFLECTIONS) {
            model = "FREE";
            sections.put("text", "This week I taught fractions and the lesson went ok. The class did the worksheet.");
        } else if (story == Story.THRIVING && week % 4 == 3) {
            model = "CRITICAL_INCIDENT";
            sections.put("incident", "A pupil refused to start the task and walked to the back of the room.");
            sections.put("keyPoints", "The refusal came straight after I changed the seating; he had not been told in advance.");
            sections.put("whatChangesNext", "I will tell pupils about seating changes at the door, before the lesson starts.");
        } else {
            model = "GIBBS";
            sections.put("description", "The starter on equivalent fractions ran long and the class lost focus.");
            sections.put("feelings", "I felt rushed and a bit flustered, then calmer once the modelling started.");
            sections.put("evaluation", "The modelling went well; the starter did not.");
            sections.put("analysis", "Equipment was not ready, so the first ten minutes went on handing it out.");
            sections.put("conclusion", "Preparing the room matters as much as preparing the plan.");
            sections.put("actionPlan", "Set out equipment before the lesson and time the starter to five minutes.");
        }
        Map<String, Object> body = new LinkedHashMap<>(Map.of("pairingId", cast.pairingId(), "model", model, "sections", sections,
                "selfAssessedDepth", depth, "submittedAt", writtenAt.toString()));
        if (story == Story.FALLING_CONFIDENCE && week >= 7) {
            body.put("privateNote", "Finding the workload hard at the moment; not ready to say so yet.");
        }
        String reflectionId = id(post("/api/reflections", cast.mentee(), step, body));
        LocalDateTime reviewedAt = writtenAt.plusDays(2).withHour(16);
        if (hasHappened(reviewedAt)) {
            post("/api/reflections/" + reflectionId + "/review", cast.mentor(), step + ":review", Map.of(
                    "assessedDepth", story == Story.SHALLOW_REFLECTIONS ? "REMEMBERING" : depth,
                    "feedback", story == Story.SHALLOW_REFLECTIONS
                            ? "Try describing what you noticed about the pupils, and why you think it happened."
                            : "You found the cause, not only the symptom. Keep the action plan small enough to do next week.",
                    "reviewedAt", reviewedAt.toString()));
        }
    }

    /** Pappas' depth, growing for those who thrive, shallow for those who need a push. */
    private static String depth(Story story, int week) {
        List<String> depths = List.of("REMEMBERING", "UNDERSTANDING", "APPLYING", "ANALYSING", "EVALUATING", "CREATING");
        return switch (story) {
            case SHALLOW_REFLECTIONS -> "REMEMBERING";
            case THRIVING, TOWARDS_INDEPENDENCE -> depths.get(Math.min(4, week / 2));
            case FALLING_CONFIDENCE -> depths.get(week < 6 ? 2 : 1);
            default -> depths.get(Math.min(3, 1 + week / 4));
        };
    }

    private void observe(Story story, Cast cast, int week, LocalDate day) {
        if (!hasHappened(day.atTime(15, 30))) {
            return;
        }
        String step = cast.pairingId() + ":observation:" + week;
        String observationId = id(post("/api/observations", cast.mentor(), step, Map.of("pairingId", cast.pairingId(),
                "observedAt", day.atTime(10, 5).toString(), "focus", week < 5 ? "Behaviour routines at the start of the lesson" : "Questioning",
                "strengths", List.of("Warm, calm welcome at the door", "Clear modelling on the board"),
                "developmentPoints", List.of(week < 5 ? "Give the instruction once, then narrate the positive" : "Wait five seconds after asking a question"))));
        post("/api/observations/" + observationId + "/feedback", cast.mentor(), step + ":feedback", Map.of(
                "feedback", "The routines are settling. Next, hold the silence a little longer before taking answers.",
                "givenAt", day.atTime(15, 30).toString()));
    }

    private void support(Story story, Cast cast, int week, LocalDate day) {
        String level = switch (story) {
            case THRIVING -> week == 4 ? "REGULAR" : week == 8 ? "LIGHT" : null;
            case TOWARDS_INDEPENDENCE -> week == 2 ? "REGULAR" : week == 5 ? "LIGHT" : week == 9 ? "INDEPENDENT" : null;
            case STEADY -> week == 6 ? "REGULAR" : null;
            case FALLING_CONFIDENCE -> week == 4 ? "REGULAR" : week == 9 ? "INTENSIVE" : null;
            default -> null;
        };
        if (level == null) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>(Map.of("level", level, "changedOn", day.toString()));
        if ("INTENSIVE".equals(level)) {
            body.put("increaseReason", "WELLBEING");
        }
        post("/api/pairings/" + cast.pairingId() + "/support-level", cast.mentor(), cast.pairingId() + ":support:" + week, body);
    }

    private void targets(Story story, Cast cast, List<LocalDate> meetingDays) {
        LocalDate early = meetingDays.get(Math.min(1, meetingDays.size() - 1));
        LocalDate later = meetingDays.get(Math.min(5, meetingDays.size() - 1));
        switch (story) {
            case THRIVING, TOWARDS_INDEPENDENCE -> {
                String met = target(cast, cast.mentee(), "Give instructions once, then narrate the positive", early, 1);
                target(cast, cast.mentee(), "Use wait time after every question", later, 2);
                target(cast, cast.mentor(), "Plan for the pupils with SEND in every lesson", early, 3);
                post("/api/development-targets/" + met + "/met", cast.mentee(), cast.pairingId() + ":target:1:met",
                        Map.of("metOn", later.toString()));
            }
            case STEADY, GONE_QUIET -> {
                target(cast, cast.mentor(), "Consistent behaviour routines", early, 1);
                target(cast, cast.mentee(), "Mark books within a week", later, 2);
            }
            default -> target(cast, cast.mentor(), "Prepare resources before the lesson", early, 1);
        }
    }

    private String target(Cast cast, String who, String area, LocalDate setOn, int number) {
        return id(post("/api/development-targets", who, cast.pairingId() + ":target:" + number,
                Map.of("pairingId", cast.pairingId(), "area", area, "setOn", setOn.toString())));
    }

    private static boolean hasHappened(LocalDateTime moment) {
        return !moment.isAfter(LocalDateTime.now(SCHOOL_TIME));
    }

    /**
     * Sends as the given person, under a key that makes sending it again harmless. A pairing just
     * made takes a moment to reach the meeting and reflection services (it travels through Kafka),
     * so a 404 is tried again for a while.
     */
    private PlatformClient.Answer post(String path, String login, String step, Map<String, Object> body) {
        String token = tokens.computeIfAbsent(login, platform::token);
        PlatformClient.Answer answer = platform.post(path, body, token, "demo:" + step);
        for (int attempt = 0; answer.status() == 404 && attempt < 240; attempt++) {
            pause();
            answer = platform.post(path, body, token, "demo:" + step);
        }
        expect(answer, step);
        return answer;
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** 200 or 201; 409 when it is there already from an earlier start. */
    void expect(PlatformClient.Answer answer, String what) {
        if (answer.status() == 200 || answer.status() == 201) {
            recorded++;
            return;
        }
        if (answer.status() != 409) {
            throw new IllegalStateException("could not record " + what + ": " + answer);
        }
    }

    private static String id(PlatformClient.Answer created) {
        return created.json().path("id").asText();
    }
}
