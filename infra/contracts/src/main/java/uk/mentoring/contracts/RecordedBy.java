package uk.mentoring.contracts;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Who recorded an event: the person the caller's token named and the roles it gave them. An event
 * recorded by the platform itself (in answer to another event) names nobody, and carries none.
 * On Kafka it travels as the extensions {@code actorid} and {@code actorroles} (roles in
 * alphabetical order, separated by commas).
 *
 * @param personId the person's id, when the token named one
 * @param roles    the platform's roles the token gave, in alphabetical order
 */
public record RecordedBy(Optional<UUID> personId, List<String> roles) {

    public static final String PERSON_ID_EXTENSION = "actorid";
    public static final String ROLES_EXTENSION = "actorroles";

    private static final Pattern ROLE = Pattern.compile("[A-Z_]{1,40}");
    private static final int MOST_ROLES = 10;

    public RecordedBy {
        roles = roles.stream().filter(role -> ROLE.matcher(role).matches()).distinct().sorted().limit(MOST_ROLES).toList();
    }

    /**
     * Who recorded an event, as its extensions give it; nobody when neither names anything.
     * A person id that is not a UUID, and a role that is not a role's name, are passed over.
     */
    public static Optional<RecordedBy> of(String personId, String roles) {
        Optional<UUID> person = uuid(personId);
        List<String> named = roles == null || roles.isBlank() ? List.of() : List.of(roles.split(","));
        RecordedBy recordedBy = new RecordedBy(person, named.stream().map(String::trim).toList());
        return recordedBy.personId().isEmpty() && recordedBy.roles().isEmpty() ? Optional.empty() : Optional.of(recordedBy);
    }

    /** The roles as the extension {@code actorroles} carries them. */
    public String rolesText() {
        return String.join(",", roles);
    }

    private static Optional<UUID> uuid(String text) {
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
