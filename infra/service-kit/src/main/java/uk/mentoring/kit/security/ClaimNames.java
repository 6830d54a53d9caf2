package uk.mentoring.kit.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which token claims carry the person, their roles and their schools, under
 * {@code mentoring.security.claims}. The local identity provider uses {@code person_id},
 * {@code roles} and {@code school_ids}; a trust's own provider may name them otherwise (with
 * Microsoft Entra ID, say, {@code oid} and an extension attribute for the schools).
 */
@ConfigurationProperties("mentoring.security.claims")
public record ClaimNames(String personId, String roles, String schoolIds) {

    public static final ClaimNames PLATFORM = new ClaimNames("person_id", "roles", "school_ids");

    public ClaimNames {
        personId = personId == null ? "person_id" : personId;
        roles = roles == null ? "roles" : roles;
        schoolIds = schoolIds == null ? "school_ids" : schoolIds;
    }
}
