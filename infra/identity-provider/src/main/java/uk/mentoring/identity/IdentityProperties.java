package uk.mentoring.identity;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The people this provider knows, under {@code mentoring.identity}.
 *
 * @param audience      the audience of every access token: the platform's services accept no other
 * @param keyFile       where the signing key is kept between restarts
 * @param personas      people by user name (also their client id for scripts)
 * @param browserClient the client through which the gateway signs browsers in
 * @param services      platform services that call other services as themselves, by client id
 */
@ConfigurationProperties("mentoring.identity")
record IdentityProperties(String audience, Path keyFile, Map<String, Persona> personas, BrowserClient browserClient,
                          Map<String, ServiceClient> services) {

    IdentityProperties {
        personas = personas == null ? Map.of() : Map.copyOf(personas);
        services = services == null ? Map.of() : Map.copyOf(services);
    }

    /** A service's own client (client_credentials): no person, only the roles it acts in. */
    record ServiceClient(String clientSecret, List<String> roles) {
        ServiceClient {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    record Persona(String displayName, UUID personId, List<String> roles, List<UUID> schoolIds) {
        Persona {
            roles = roles == null ? List.of() : List.copyOf(roles);
            schoolIds = schoolIds == null ? List.of() : List.copyOf(schoolIds);
        }
    }

    record BrowserClient(String clientId, String clientSecret, String redirectUri) {
    }
}
