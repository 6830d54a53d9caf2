package uk.mentoring.testkit;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import uk.mentoring.contracts.MenteeStage;
import uk.mentoring.contracts.pairing.PairingCreated;
import uk.mentoring.kit.pairings.PairingDirectory;
import uk.mentoring.testkit.TestIdentityProvider.Person;

/** Pairings made the way the pairing service makes them: published on its topic. */
public final class TestPairings {

    private TestPairings() {
    }

    /** A pairing's school and members, and who they are when they call. */
    public record Members(UUID pairing, UUID school, UUID mentor, UUID mentee) {

        public Person mentorPerson() {
            return Person.mentor(mentor, school);
        }

        public Person menteePerson() {
            return Person.mentee(mentee, school);
        }
    }

    /** Publishes a new pairing that started a month ago and waits until this service knows it. */
    public static Members published(TestPublisher publisher, PairingDirectory pairings) {
        return published(publisher, pairings, LocalDate.now().minusDays(30));
    }

    /** Publishes a new pairing that starts on the given day and waits until this service knows it. */
    public static Members published(TestPublisher publisher, PairingDirectory pairings, LocalDate pairedOn) {
        Members members = new Members(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        publisher.publish(new PairingCreated(members.pairing(), members.school(), members.mentor(), members.mentee(), MenteeStage.ECT_YEAR_1,
                pairedOn));
        await().atMost(Duration.ofSeconds(20)).until(() -> pairings.find(members.pairing()).isPresent());
        return members;
    }
}
