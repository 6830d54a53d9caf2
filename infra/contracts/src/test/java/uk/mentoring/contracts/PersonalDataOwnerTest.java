package uk.mentoring.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import uk.mentoring.contracts.meeting.FeedbackGiven;
import uk.mentoring.contracts.pairing.MenteeEnrolled;
import uk.mentoring.contracts.pairing.MentorRegistered;
import uk.mentoring.contracts.pairing.PersonForgotten;
import uk.mentoring.contracts.pairing.PersonRole;

/** Whose key seals an event's personal data decides whose request to be forgotten erases it. */
class PersonalDataOwnerTest {

    private static final UUID SCHOOL = UUID.fromString("5f0c8f38-6f0e-4c2b-9d8f-3a1c0c4f2b10");
    private static final UUID MENTOR = UUID.fromString("0b6f3e0e-2d4a-4d8e-8c57-7f3f5b1a9c21");
    private static final UUID MENTEE = UUID.fromString("9d2b7c1e-5a43-4f6e-b0a2-1c8e4d7f3a55");

    @Test
    void a_mentors_own_details_are_theirs() {
        MentorRegistered registered = new MentorRegistered(MENTOR, SCHOOL, "Amira Khan", "a.khan@riverside.example.org",
                List.of("Mathematics"), List.of("climbing"));
        assertThat(registered.personalDataOwner()).contains(MENTOR);
    }

    @Test
    void what_is_written_within_a_pairing_belongs_to_the_mentee() {
        FeedbackGiven feedback = new FeedbackGiven(UUID.randomUUID(), UUID.randomUUID(), SCHOOL, MENTOR, MENTEE,
                "Clear modelling", Instant.parse("2026-10-01T15:30:00Z"));
        MenteeEnrolled enrolled = new MenteeEnrolled(MENTEE, SCHOOL, "Tom Whitfield", "t.whitfield@riverside.example.org",
                MenteeStage.ECT_YEAR_1, List.of());
        assertThat(feedback.personalDataOwner()).contains(MENTEE);
        assertThat(enrolled.personalDataOwner()).contains(MENTEE);
    }

    @Test
    void forgetting_a_mentee_follows_their_other_events_and_carries_nothing_personal() {
        PersonForgotten forgotten = new PersonForgotten(MENTEE, SCHOOL, PersonRole.MENTEE, LocalDate.parse("2027-09-20"));
        assertThat(forgotten.subject()).isEqualTo(MENTEE);
        assertThat(forgotten.school()).contains(SCHOOL);
        assertThat(forgotten.mentee()).contains(MENTEE);
        assertThat(forgotten.personalDataOwner()).isEmpty();
    }

    @Test
    void forgetting_a_mentor_concerns_no_mentee() {
        PersonForgotten forgotten = new PersonForgotten(MENTOR, SCHOOL, PersonRole.MENTOR, LocalDate.parse("2027-09-20"));
        assertThat(forgotten.subject()).isEqualTo(MENTOR);
        assertThat(forgotten.mentee()).isEmpty();
        assertThat(forgotten.personalDataOwner()).isEmpty();
    }
}
