package uk.mentoring.pairing.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import uk.mentoring.chaos.SlowCommitsAndSkewedClock;
import uk.mentoring.contracts.MenteeStage;
import uk.mentoring.contracts.SchoolPhase;
import uk.mentoring.contracts.pairing.PairingEndReason;
import uk.mentoring.kit.domain.RuleViolation;
import uk.mentoring.pairing.PairingServiceApplication;
import uk.mentoring.pairing.mentee.CreatePairing;
import uk.mentoring.pairing.mentee.EndPairing;
import uk.mentoring.pairing.mentee.EnrolMentee;
import uk.mentoring.pairing.mentor.RegisterMentor;
import uk.mentoring.pairing.school.OnboardSchool;
import uk.mentoring.testkit.TestInfrastructure;
import uk.mentoring.testkit.TopicProbe;

/**
 * Two instances of the pairing service write the same mentees at once; 2% of their commits stall
 * for 1-3 s between deciding and writing, and one instance's clock runs 2 s behind. This is where
 * a reader that trusts timestamps loses events. One instance also holds its sends back for a
 * moment (a long producer linger), so the other's later events could overtake them. The relay
 * must still put every stored event on the topic, and each aggregate's events in sequence order.
 */
class ConcurrentWritersTest {

    private static final String DATABASE = "pairing-concurrent-writers";
    private static final int MENTEES = 30;
    private static final int MENTORS = 8;
    private static final int COMMANDS = 1_200;

    private static ConfigurableApplicationContext instanceA;
    private static ConfigurableApplicationContext instanceB;

    @BeforeAll
    static void startTwoInstances() {
        // A batches its sends for 250 ms before they leave, B sends at once: B's events can overtake A's
        instanceA = instance(Duration.ZERO, 250);
        instanceB = instance(Duration.ofSeconds(2), 0);
    }

    @AfterAll
    static void stopInstances() {
        instanceA.close();
        instanceB.close();
    }

    @Test
    void every_stored_event_reaches_the_topic_in_sequence_order_per_aggregate() throws Exception {
        List<CommandGateway> gateways = List.of(instanceA.getBean(CommandGateway.class), instanceB.getBean(CommandGateway.class));
        UUID school = OnboardSchool.idFor(String.valueOf(ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999)));
        gateways.get(0).sendAndWait(new OnboardSchool(school, "Concurrent Academy", "1234567", SchoolPhase.SECONDARY));
        List<UUID> mentors = new ArrayList<>();
        for (int i = 0; i < MENTORS; i++) {
            UUID mentor = UUID.randomUUID();
            gateways.get(i % 2).sendAndWait(new RegisterMentor(mentor, school, "Mentor " + i, "m" + i + mentor + "@example.org", List.of(), List.of()));
            mentors.add(mentor);
        }
        Map<UUID, ReentrantLock> locks = new ConcurrentHashMap<>();
        Map<UUID, UUID> activePairing = new ConcurrentHashMap<>();
        List<UUID> mentees = new ArrayList<>();
        for (int i = 0; i < MENTEES; i++) {
            UUID mentee = UUID.randomUUID();
            gateways.get(i % 2).sendAndWait(new EnrolMentee(mentee, school, "Mentee " + i, "e" + i + mentee + "@example.org", MenteeStage.TRAINEE, List.of()));
            mentees.add(mentee);
            locks.put(mentee, new ReentrantLock());
        }

        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(8);
        for (int i = 0; i < COMMANDS; i++) {
            writers.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                UUID mentee = mentees.get(random.nextInt(MENTEES));
                CommandGateway gateway = gateways.get(random.nextInt(2));
                ReentrantLock lock = locks.get(mentee);
                // now and then two commands race for one mentee, on different instances
                boolean race = random.nextInt(10) == 0;
                if (!race) {
                    lock.lock();
                }
                try {
                    UUID pairing = activePairing.get(mentee);
                    if (pairing == null) {
                        UUID next = UUID.randomUUID();
                        gateway.sendAndWait(new CreatePairing(next, school, mentors.get(random.nextInt(MENTORS)), mentee, null, LocalDate.now()));
                        activePairing.put(mentee, next);
                    } else {
                        gateway.sendAndWait(new EndPairing(mentee, pairing, PairingEndReason.MENTOR_CHANGED, LocalDate.now()));
                        activePairing.remove(mentee, pairing);
                    }
                    accepted.incrementAndGet();
                } catch (RuleViolation | org.axonframework.modelling.command.ConcurrencyException expectedInARace) {
                    refused.incrementAndGet();
                } finally {
                    if (!race) {
                        lock.unlock();
                    }
                }
            });
        }
        writers.shutdown();
        assertThat(writers.awaitTermination(5, TimeUnit.MINUTES)).isTrue();

        MongoCollection<Document> events = MongoClients.create(TestInfrastructure.mongoUri()).getDatabase(DATABASE).getCollection("domainevents");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> events.countDocuments(Filters.eq("published", false)) == 0);

        Map<String, StoredPlace> stored = new HashMap<>();
        List<Document> inVisibilityOrder = new ArrayList<>();
        events.find().sort(Sorts.ascending("_id")).forEach(document -> {
            stored.put(document.getString("eventIdentifier"),
                    new StoredPlace(document.getString("aggregateIdentifier"), document.getLong("sequenceNumber")));
            inVisibilityOrder.add(document);
        });

        // the conditions that make timestamp-based readers skip events really occurred
        assertThat(SlowCommitsAndSkewedClock.DELAYED_COMMITS.get()).as("commits stalled").isGreaterThan(5);
        assertThat(SlowCommitsAndSkewedClock.SKEWED_EVENTS.get()).as("events stamped by the slow clock").isGreaterThan(100);
        assertThat(lateArrivals(inVisibilityOrder)).as("events that became visible more than 1 s after a later-stamped one").isGreaterThan(0);
        assertThat(accepted.get()).isGreaterThan(COMMANDS / 2);

        List<ConsumerRecord<String, CloudEvent>> topic = TopicProbe.readAll("mentoring.pairing.v1").stream()
                .filter(record -> school.toString().equals(record.value().getExtension("schoolid")))
                .toList();
        Set<String> published = new HashSet<>();
        Map<String, Long> lastSequence = new HashMap<>();
        for (ConsumerRecord<String, CloudEvent> record : topic) {
            String id = record.value().getId();
            StoredPlace place = stored.get(id);
            assertThat(place).as("event %s on the topic is in the store", id).isNotNull();
            if (published.add(id)) {
                long previous = lastSequence.getOrDefault(place.aggregate(), -1L);
                assertThat(place.sequence()).as("first delivery of %s/%d after %d", place.aggregate(), place.sequence(), previous)
                        .isEqualTo(previous + 1);
                lastSequence.put(place.aggregate(), place.sequence());
            }
        }
        assertThat(published).as("every stored event is on the topic").containsExactlyInAnyOrderElementsOf(stored.keySet());
        System.out.printf("Concurrent writers: %d commands accepted, %d refused in races, %d events stored, %d records on the topic (%d duplicates), %d stalled commits%n",
                accepted.get(), refused.get(), stored.size(), topic.size(), topic.size() - published.size(), SlowCommitsAndSkewedClock.DELAYED_COMMITS.get());
    }

    /** Events that became visible after another event stamped more than a second later. */
    private static long lateArrivals(List<Document> inVisibilityOrder) {
        Instant latestSeen = Instant.MIN;
        long late = 0;
        for (Document document : inVisibilityOrder) {
            Instant stamped = Instant.parse(document.getString("timestamp"));
            if (stamped.plusSeconds(1).isBefore(latestSeen)) {
                late++;
            }
            if (stamped.isAfter(latestSeen)) {
                latestSeen = stamped;
            }
        }
        return late;
    }

    private static ConfigurableApplicationContext instance(Duration clockBehind, int lingerMillis) {
        Map<String, Object> properties = new HashMap<>(TestInfrastructure.properties());
        properties.put("server.port", "0");
        properties.put("spring.mongodb.database", DATABASE);
        properties.put("chaos.delayed-share", "0.02");
        properties.put("chaos.clock-behind", clockBehind.toString());
        properties.put("spring.kafka.producer.properties.linger.ms", String.valueOf(lingerMillis));
        properties.put("mentoring.events.publication.sweep-interval", "1s");
        properties.put("mentoring.events.publication.sweep-grace", "2s");
        return new SpringApplicationBuilder(PairingServiceApplication.class, SlowCommitsAndSkewedClock.class)
                .run(properties.entrySet().stream().map(property -> "--" + property.getKey() + "=" + property.getValue()).toArray(String[]::new));
    }

    private record StoredPlace(String aggregate, long sequence) {
    }
}
