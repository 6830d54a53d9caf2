package uk.mentoring.testkit;

import java.util.Map;
import java.util.function.Supplier;

import org.springframework.core.env.EnumerablePropertySource;

/**
 * Points an application at the test infrastructure, starting each part only when the application
 * first asks where it is: a gateway test never starts Kafka, a projection test never starts the
 * issuer.
 */
final class LazyInfrastructure extends EnumerablePropertySource<Object> {

    private final Map<String, Supplier<Object>> properties;

    LazyInfrastructure(Map<String, Supplier<Object>> properties) {
        super("test infrastructure");
        this.properties = Map.copyOf(properties);
    }

    static LazyInfrastructure inJvm() {
        return new LazyInfrastructure(Map.of(
                "spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers(),
                "spring.mongodb.uri", TestInfrastructure::mongoUri,
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestInfrastructure.identityProvider().issuer(),
                "spring.security.oauth2.resourceserver.jwt.audiences", () -> TestIdentityProvider.AUDIENCE));
    }

    @Override
    public String[] getPropertyNames() {
        return properties.keySet().toArray(String[]::new);
    }

    @Override
    public Object getProperty(String name) {
        Supplier<Object> value = properties.get(name);
        return value == null ? null : value.get();
    }
}
