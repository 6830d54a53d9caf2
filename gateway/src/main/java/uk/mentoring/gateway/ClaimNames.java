package uk.mentoring.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Which token claims carry roles and schools, as the services read them ({@code mentoring.security.claims}). */
@ConfigurationProperties("mentoring.security.claims")
public record ClaimNames(String roles, String schoolIds) {

    public ClaimNames {
        roles = roles == null ? "roles" : roles;
        schoolIds = schoolIds == null ? "school_ids" : schoolIds;
    }
}
