package uk.mentoring.gateway;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Which token claims carry the person, their roles and schools, as the services read them ({@code mentoring.security.claims}). */
@ConfigurationProperties("mentoring.security.claims")
public record ClaimNames(String personId, String roles, String schoolIds) {

    public ClaimNames {
        personId = personId == null ? "person_id" : personId;
        roles = roles == null ? "roles" : roles;
        schoolIds = schoolIds == null ? "school_ids" : schoolIds;
    }

    /**
     * A claim's values as the services read them: a list, or one string of values separated by
     * spaces or commas (as some identity providers send a custom claim), trimmed.
     */
    public static List<String> values(Object claim) {
        Stream<String> values = claim instanceof Collection<?> many ? many.stream().map(String::valueOf)
                : claim instanceof String one ? Stream.of(one.split("[ ,]+")) : Stream.empty();
        return values.map(String::strip).filter(value -> !value.isEmpty()).toList();
    }

    /** Roles by name, whatever their case, as the services match them. */
    public static List<String> roles(Object claim) {
        return values(claim).stream().map(role -> role.toUpperCase(Locale.ROOT)).toList();
    }
}
