package uk.mentoring.pairing.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.crypto.SecretKey;

import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import uk.mentoring.contracts.MenteeStage;
import uk.mentoring.contracts.SealedText;
import uk.mentoring.contracts.pairing.MenteeEnrolled;
import uk.mentoring.eventstore.personaldata.PersonalDataCipher;
import uk.mentoring.eventstore.personaldata.PersonalDataKeys;
import uk.mentoring.pairing.PairingServiceTest;

/**
 * Several instances of a service share one key per person, made once, and never remade after a
 * forgetting; a view of many people is opened with their keys read together.
 */
@PairingServiceTest
class PersonalDataKeysTest {

    private static final String MASTER_KEY = masterKey();

    @Autowired
    MongoDatabase serviceDatabase;

    @Test
    void instances_making_a_persons_first_key_at_the_same_moment_all_use_one_key() throws Exception {
        UUID person = UUID.randomUUID();
        List<PersonalDataKeys> instances = List.of(instance(), instance(), instance(), instance());
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Optional<SecretKey>>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                PersonalDataKeys keys = instances.get(i % instances.size());
                calls.add(() -> keys.sealingKeyFor(person));
            }
            List<byte[]> made = new ArrayList<>();
            for (Future<Optional<SecretKey>> key : callers.invokeAll(calls)) {
                made.add(key.get().orElseThrow().getEncoded());
            }
            assertThat(made).allSatisfy(key -> assertThat(key).isEqualTo(made.get(0)));
            assertThat(instance().openingKeyFor(person).orElseThrow().getEncoded()).isEqualTo(made.get(0));
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void a_forgotten_person_is_never_given_a_key_again() {
        UUID person = UUID.randomUUID();
        PersonalDataKeys keys = instance();
        assertThat(keys.sealingKeyFor(person)).isPresent();

        assertThat(keys.forget(person)).isTrue();

        assertThat(keys.sealingKeyFor(person)).isEmpty();
        assertThat(instance().sealingKeyFor(person)).as("another instance, asked after the forgetting").isEmpty();
        assertThat(instance().openingKeyFor(person)).isEmpty();
        assertThat(instance().forget(person)).as("a second forgetting destroys nothing more").isFalse();
    }

    @Test
    void a_view_of_many_people_opens_in_one_go_and_a_forgotten_persons_values_read_erased() {
        PersonalDataCipher writer = new PersonalDataCipher("pairing", instance());
        List<UUID> people = new ArrayList<>();
        List<String> sealed = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            UUID person = UUID.randomUUID();
            people.add(person);
            sealed.add(writer.seal(new MenteeEnrolled(person, UUID.randomUUID(), "Mentee " + i, "m" + i + "@school.example.org",
                    MenteeStage.TRAINEE, List.of())).displayName());
        }
        assertThat(sealed).allSatisfy(value -> assertThat(SealedText.isSealed(value)).isTrue());
        instance().forget(people.get(7));
        String anotherServices = sealed.get(3).replace(".pairing.", ".meeting.");

        List<String> values = new ArrayList<>(sealed);
        values.add(anotherServices);
        values.add("Plain words");
        List<String> opened = new PersonalDataCipher("pairing", instance()).openAll(values);

        for (int i = 0; i < 40; i++) {
            assertThat(opened.get(i)).isEqualTo(i == 7 ? SealedText.ERASED : "Mentee " + i);
        }
        assertThat(opened.get(40)).as("sealed by another service: not ours to open").isEqualTo(anotherServices);
        assertThat(opened.get(41)).isEqualTo("Plain words");
    }

    private PersonalDataKeys instance() {
        return new PersonalDataKeys(serviceDatabase, MASTER_KEY, Duration.ofSeconds(10), Clock.systemUTC());
    }

    private static String masterKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
