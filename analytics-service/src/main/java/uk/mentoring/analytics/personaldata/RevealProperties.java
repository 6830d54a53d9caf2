package uk.mentoring.analytics.personaldata;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where sealed personal data is opened, under {@code mentoring.personal-data}.
 *
 * @param owners       each publishing service's base address, by its short name (pairing, meeting, reflection)
 * @param tokenUri     the identity provider's token endpoint, for this service's own token
 * @param clientId     this service's client at the identity provider; its token carries PERSONAL_DATA_READER
 * @param clientSecret its secret
 * @param scope        what its token is asked for (at Entra ID: {@code api://<platform app id>/.default})
 * @param timeout      how long to wait for an owner before showing its values as unavailable
 */
@ConfigurationProperties("mentoring.personal-data")
public record RevealProperties(Map<String, URI> owners, URI tokenUri, String clientId, String clientSecret, String scope, Duration timeout) {

    public RevealProperties {
        owners = owners == null ? Map.of() : Map.copyOf(owners);
        scope = scope == null || scope.isBlank() ? "mentoring" : scope;
        timeout = timeout == null ? Duration.ofSeconds(3) : timeout;
    }
}
