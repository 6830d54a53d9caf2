package uk.mentoring.contracts;

/**
 * The services that publish events, each onto its own topic. The topic names carry a version:
 * a change that cannot be read by existing consumers goes to a new topic, never onto this one.
 */
public enum Publisher {
    PAIRING("pairing"),
    MEETING("meeting"),
    REFLECTION("reflection");

    private final String name;

    Publisher(String name) {
        this.name = name;
    }

    /** Short name, as used in CloudEvent types: {@code uk.mentoring.<name>.<Event>.v<n>}. */
    public String shortName() {
        return name;
    }

    /** The service that publishes, e.g. {@code pairing-service}. */
    public String service() {
        return name + "-service";
    }

    /** CloudEvents {@code source}: a URI reference naming the publishing service. */
    public String source() {
        return "/mentoring/" + service();
    }

    /** The Kafka topic every event of this publisher goes to, in order per key. */
    public String topic() {
        return "mentoring." + name + ".v1";
    }

    /** Where consumers park a record they cannot process, with the reason, and move on. */
    public String deadLetterTopic() {
        return topic() + ".dlt";
    }
}
