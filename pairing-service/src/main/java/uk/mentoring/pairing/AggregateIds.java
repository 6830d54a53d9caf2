package uk.mentoring.pairing;

import java.util.UUID;

/**
 * How schools, mentors and mentees are named in the event store. A mentor's and a mentee's id
 * is the person's id at the trust's identity provider, so one teacher who both mentors and is
 * mentored has one id; the kind in front keeps their two streams apart.
 */
public final class AggregateIds {

    private AggregateIds() {
    }

    public static String school(UUID schoolId) {
        return "school:" + schoolId;
    }

    public static String mentor(UUID mentorId) {
        return "mentor:" + mentorId;
    }

    public static String mentee(UUID menteeId) {
        return "mentee:" + menteeId;
    }
}
