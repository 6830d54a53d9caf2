package uk.mentoring.pairing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The pairing service as it runs, on the test kit's real Kafka broker and embedded MongoDB.
 * Every test class using it shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "mentoring.events.publication.send-timeout=3s",
        "mentoring.events.publication.sweep-interval=500ms",
        "mentoring.events.publication.sweep-grace=1s"})
public @interface PairingServiceTest {
}
