package uk.mentoring.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

import uk.mentoring.contracts.MenteeStage;
import uk.mentoring.contracts.SchoolPhase;
import uk.mentoring.contracts.meeting.MeetingHeld;
import uk.mentoring.contracts.pairing.MenteeEnrolled;
import uk.mentoring.contracts.pairing.MentorRegistered;
import uk.mentoring.contracts.pairing.PairingCreated;
import uk.mentoring.contracts.pairing.SchoolOnboarded;
import uk.mentoring.testkit.TestApi;
import uk.mentoring.testkit.TestIdentityProvider.Person;
import uk.mentoring.testkit.TestInfrastructure;
import uk.mentoring.testkit.TestPublisher;

/**
 * Two instances in one consumer group, sharing one database, split the topics' partitions between
 * them and together produce exactly the views this test's own single instance produces.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScaleOutTest {

    static TestPublisher publisher;
    static final List<ConfigurableApplicationContext> pair = new ArrayList<>();

    @LocalServerPort
    int port;

    @BeforeAll
    static void publisher() {
        publisher = new TestPublisher();
    }

    @AfterAll
    static void close() {
        pair.forEach(ConfigurableApplicationContext::close);
        publisher.close();
    }

    @Test
    void two_instances_split_the_partitions_and_together_give_the_views_one_gives() {
        List<UUID> pairings = publishSchools(4);
        TestApi single = TestApi.at(port).as(Person.trustLead());
        await().atMost(Duration.ofSeconds(20)).until(() -> pairings.stream()
                .allMatch(pairing -> single.get("/api/analytics/pairings/" + pairing).json().at("/progress/cadence/meetingsHeld").asInt() == 2));

        String shared = "analytics-scaled-" + UUID.randomUUID();
        pair.add(instance(shared));
        pair.add(instance(shared));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Set<TopicPartition> first = assigned(pair.get(0));
            Set<TopicPartition> second = assigned(pair.get(1));
            assertThat(first).as("the first instance's partitions").isNotEmpty();
            assertThat(second).as("the second instance's partitions").isNotEmpty().doesNotContainAnyElementsOf(first);
            Set<TopicPartition> all = new HashSet<>(first);
            all.addAll(second);
            assertThat(all).hasSize(18);
        });
        for (ConfigurableApplicationContext instance : pair) {
            TestApi scaled = TestApi.at(port(instance)).as(Person.trustLead());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(scaled.get("/api/analytics/trust").body()).isEqualTo(single.get("/api/analytics/trust").body());
                for (UUID pairing : pairings) {
                    assertThat(scaled.get("/api/analytics/pairings/" + pairing).body()).isEqualTo(single.get("/api/analytics/pairings/" + pairing).body());
                }
            });
        }
    }

    private static ConfigurableApplicationContext instance(String shared) {
        List<String> arguments = new ArrayList<>();
        TestInfrastructure.properties().forEach((name, value) -> arguments.add("--" + name + "=" + value));
        arguments.addAll(List.of("--server.port=0", "--spring.mongodb.database=" + shared, "--mentoring.events.subscription.group=" + shared,
                "--spring.main.banner-mode=off"));
        return new SpringApplicationBuilder(AnalyticsServiceApplication.class).run(arguments.toArray(String[]::new));
    }

    @SuppressWarnings("unchecked")
    private static Set<TopicPartition> assigned(ConfigurableApplicationContext instance) {
        ConcurrentMessageListenerContainer<String, ?> container = instance.getBean(ConcurrentMessageListenerContainer.class);
        return container.getAssignedPartitions() == null ? Set.of() : new HashSet<>(container.getAssignedPartitions());
    }

    private static int port(ConfigurableApplicationContext instance) {
        return Integer.parseInt(instance.getEnvironment().getRequiredProperty("local.server.port"));
    }

    private static List<UUID> publishSchools(int schools) {
        List<UUID> pairings = new ArrayList<>();
        LocalDate pairedOn = LocalDate.of(2026, 9, 14);
        for (int n = 0; n < schools; n++) {
            UUID school = UUID.randomUUID();
            publisher.publish(new SchoolOnboarded(school, "Scaled Academy " + n, String.valueOf(143000 + n), SchoolPhase.PRIMARY));
            for (int m = 0; m < 3; m++) {
                UUID mentor = UUID.randomUUID();
                UUID mentee = UUID.randomUUID();
                UUID pairing = UUID.randomUUID();
                publisher.publish(new MentorRegistered(mentor, school, "Mentor " + n + m, "m" + n + m + "@example.org", List.of(), List.of()));
                publisher.publish(new MenteeEnrolled(mentee, school, "Mentee " + n + m, "e" + n + m + "@example.org", MenteeStage.TRAINEE, List.of()));
                publisher.publish(new PairingCreated(pairing, school, mentor, mentee, MenteeStage.TRAINEE, pairedOn));
                for (int week = 0; week < 2; week++) {
                    publisher.publish(new MeetingHeld(UUID.randomUUID(), pairing, school, mentor, mentee, at(pairedOn.plusWeeks(week).plusDays(1)),
                            45, week == 0, true, List.of(), List.of(), 2 + m));
                }
                pairings.add(pairing);
            }
        }
        return pairings;
    }

    private static Instant at(LocalDate day) {
        return day.atTime(15, 30).toInstant(ZoneOffset.UTC);
    }
}
