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
 */
@ConfigurationProperties("mentoring.identity")
record IdentityProperties(String audience, Path keyFile, Map<String, Persona> personas, BrowserClient browserClient) {

    IdentityProperties {
        personas = personas == null ? Map.of() : Map.copyOf(personas);
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
