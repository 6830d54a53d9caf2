package uk.mentoring.kit.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is asking, as their token says: the person, their roles and the schools they lead.
 * Decisions are taken from this, never from ids in a request body.
 */
public record Caller(String subject, Optional<UUID> personId, Set<Role> roles, Set<UUID> schoolIds) {

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        schoolIds = Set.copyOf(schoolIds);
    }

    public static Caller from(Jwt jwt) {
        return from(jwt, ClaimNames.PLATFORM);
    }

    public static Caller from(Jwt jwt, ClaimNames claims) {
        String person = jwt.getClaimAsString(claims.personId());
        return new Caller(
                jwt.getSubject(),
                Optional.ofNullable(person).flatMap(Caller::uuid),
                strings(jwt.getClaim(claims.roles())).stream()
                        .flatMap(role -> known(role).stream())
                        .collect(Collectors.toSet()),
                strings(jwt.getClaim(claims.schoolIds())).stream()
                        .flatMap(id -> uuid(id).stream())
                        .collect(Collectors.toSet()));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** A school lead of this school. */
    public boolean leads(UUID schoolId) {
        return has(Role.SCHOOL_LEAD) && schoolIds.contains(schoolId);
    }

    /** Trust leads and auditors read across every school of the trust. */
    public boolean readsTrustWide() {
        return has(Role.TRUST_LEAD) || has(Role.AUDITOR);
    }

    /** The person behind the token is this person. */
    public boolean is(UUID person) {
        return personId.map(person::equals).orElse(false);
    }

    private static List<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String value) {
            return List.of(value.split("[ ,]+"));
        }
        return List.of();
    }

    private static Optional<Role> known(String role) {
        try {
            return Optional.of(Role.valueOf(role.trim().toUpperCase()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
