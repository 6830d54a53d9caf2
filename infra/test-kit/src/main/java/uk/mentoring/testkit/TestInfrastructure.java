package uk.mentoring.testkit;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.apache.kafka.common.utils.Exit;

import uk.mentoring.kafka.KafkaBroker;

/**
 * One real Kafka broker, one embedded MongoDB and one token issuer per test JVM, started on
 * first use and shared by every test class of the module (Spring caches their contexts too).
 * They die with the JVM; the broker's log lives under {@code target/}.
 */
public final class TestInfrastructure {

    private static KafkaBroker kafka;
    private static MongoServer mongo;
    private static String mongoUri;
    private static TestIdentityProvider identityProvider;

    private TestInfrastructure() {
    }

    public static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            // a broker error must fail a test, not halt the test JVM
            Exit.setExitProcedure((status, message) -> {
                throw new IllegalStateException("Kafka broker wanted to exit(" + status + "): " + message);
            });
            Exit.setHaltProcedure((status, message) -> {
                throw new IllegalStateException("Kafka broker wanted to halt(" + status + "): " + message);
            });
            kafka = KafkaBroker.onFreePorts(Path.of("target", "test-kafka", UUID.randomUUID().toString())).start();
        }
        return kafka;
    }

    public static synchronized String mongoUri() {
        if (mongo == null) {
            mongo = new MongoServer(new MemoryBackend());
            mongoUri = mongo.bindAndGetConnectionString();
        }
        return mongoUri;
    }

    public static synchronized TestIdentityProvider identityProvider() {
        if (identityProvider == null) {
            identityProvider = TestIdentityProvider.start();
        }
        return identityProvider;
    }

    /** The properties that point a service at this infrastructure. */
    public static Map<String, Object> properties() {
        return Map.of(
                "spring.kafka.bootstrap-servers", kafka().bootstrapServers(),
                "spring.mongodb.uri", mongoUri(),
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", identityProvider().issuer(),
                "spring.security.oauth2.resourceserver.jwt.audiences", TestIdentityProvider.AUDIENCE);
    }
}
