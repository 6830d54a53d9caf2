package uk.mentoring.contracts;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One versioned event type of the published language: its name, who publishes it, the Java
 * record that carries it, and where its JSON Schema and sample live on the classpath. Versions of
 * one type share a record, so that records of an older version still on the topics read into it.
 */
public record EventType(Publisher publisher, String name, int version, Class<? extends MentoringEvent> javaType) {

    public EventType {
        if (!javaType.getSimpleName().equals(name)) {
            throw new IllegalArgumentException("event type " + name + " must be carried by a record of the same name");
        }
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1");
        }
    }

    /** The names of the fields the record marks {@link PersonalData}. */
    public Set<String> personalFields() {
        return Arrays.stream(javaType.getRecordComponents()).filter(component -> component.isAnnotationPresent(PersonalData.class))
                .map(RecordComponent::getName).collect(Collectors.toUnmodifiableSet());
    }

    /** CloudEvents {@code type}, e.g. {@code uk.mentoring.pairing.PairingCreated.v1}. */
    public String cloudEventType() {
        return "uk.mentoring." + publisher.shortName() + "." + name + ".v" + version;
    }

    /** Classpath location of the JSON Schema of the event's data. */
    public String schemaResource() {
        return "/contracts/" + publisher.shortName() + "/" + name + ".v" + version + ".schema.json";
    }

    /** Classpath location of a sample of the event's data that the schema accepts. */
    public String sampleResource() {
        return "/contracts/" + publisher.shortName() + "/" + name + ".v" + version + ".sample.json";
    }
}
