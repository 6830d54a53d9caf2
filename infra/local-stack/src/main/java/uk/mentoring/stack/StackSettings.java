package uk.mentoring.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the platform runs: the repository it was built in, the folder that keeps its data, its
 * ports, and whether MongoDB and Kafka are the embedded ones or servers of your own.
 *
 * @param root        the repository's root, where each module's jar was built
 * @param data        MongoDB's file, Kafka's log, the identity provider's key and every log file
 * @param mongoUri    a MongoDB of your own ({@code MONGODB_URI}), or empty for the embedded one
 * @param kafka       a Kafka of your own ({@code KAFKA_BOOTSTRAP_SERVERS}), or empty for the local broker
 * @param ports       each component's port
 * @param mongoPort   the embedded MongoDB's port
 * @param kafkaPort   the local broker's port (its controller listens on the next one)
 * @param jvmOptions  added to every process's JVM options ({@code MENTORING_JVM_OPTS})
 */
public record StackSettings(Path root, Path data, Optional<String> mongoUri, Optional<String> kafka,
                     Map<Component, Integer> ports, int mongoPort, int kafkaPort, String jvmOptions) {

    /** The standard ports, for a platform kept in the given folder. */
    public static StackSettings standard(Path root, Path data, Optional<String> mongoUri, Optional<String> kafka) {
        Map<Component, Integer> ports = new EnumMap<>(Component.class);
        for (Component component : Component.values()) {
            ports.put(component, component.defaultPort());
        }
        return new StackSettings(root, data, mongoUri, kafka, ports, 27017, 9092, "");
    }

    /** The same platform on other ports, say beside one that is running already. */
    public StackSettings withPorts(Map<Component, Integer> componentPorts, int newMongoPort, int newKafkaPort) {
        return new StackSettings(root, data, mongoUri, kafka, Map.copyOf(componentPorts), newMongoPort, newKafkaPort, jvmOptions);
    }

    /** The same platform with more options for every process's JVM (system properties, say). */
    public StackSettings withJvmOptions(String moreOptions) {
        return new StackSettings(root, data, mongoUri, kafka, ports, mongoPort, kafkaPort, (jvmOptions + " " + moreOptions).trim());
    }

    public static StackSettings fromEnvironment() {
        Path root = findRoot(Path.of("").toAbsolutePath());
        Map<Component, Integer> ports = new EnumMap<>(Component.class);
        for (Component component : Component.values()) {
            ports.put(component, component.defaultPort());
        }
        return new StackSettings(root,
                Optional.ofNullable(System.getenv("MENTORING_DATA")).map(Path::of).orElse(root.resolve(".data")).toAbsolutePath(),
                Optional.ofNullable(System.getenv("MONGODB_URI")).filter(value -> !value.isBlank()),
                Optional.ofNullable(System.getenv("KAFKA_BOOTSTRAP_SERVERS")).filter(value -> !value.isBlank()),
                ports, 27017, 9092,
                Optional.ofNullable(System.getenv("MENTORING_JVM_OPTS")).orElse(""));
    }

    public int port(Component component) {
        return ports.get(component);
    }

    public String url(Component component) {
        return "http://localhost:" + port(component);
    }

    public String mongoConnection() {
        return mongoUri.orElse("mongodb://localhost:" + mongoPort);
    }

    public String kafkaServers() {
        return kafka.orElse("localhost:" + kafkaPort);
    }

    /** Where each process of the platform writes its log, one file per component. */
    public Path logs() {
        return data.resolve("logs");
    }

    /** The repository root: the nearest folder up from here with the platform's pom. */
    static Path findRoot(Path from) {
        for (Path candidate = from; candidate != null; candidate = candidate.getParent()) {
            if (Files.exists(candidate.resolve("pom.xml")) && Files.isDirectory(candidate.resolve("infra/local-stack"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("Run this from the repository (no pom.xml with infra/local-stack above " + from + ")");
    }
}
