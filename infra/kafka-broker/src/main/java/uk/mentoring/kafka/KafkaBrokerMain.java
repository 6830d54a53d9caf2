package uk.mentoring.kafka;

import java.nio.file.Path;
import java.util.Map;

/**
 * Runs the broker as a process of its own, for the local stack:
 * {@code java -jar kafka-broker-exec.jar --port=9092 --controller-port=9093 --data=.data/kafka}.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "kafka-broker-logback.xml");
        }
        Map<String, String> options = Options.parse(args);
        int port = Integer.parseInt(options.getOrDefault("port", "9092"));
        int controllerPort = Integer.parseInt(options.getOrDefault("controller-port", "9093"));
        Path data = Path.of(options.getOrDefault("data", ".data/kafka"));

        KafkaBroker broker = new KafkaBroker(data, port, controllerPort, Map.of());
        Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "kafka-broker-shutdown"));
        broker.start();
        System.out.println("Kafka broker ready on " + broker.bootstrapServers() + " (data in " + data.toAbsolutePath() + ")");
    }

    /** {@code --name=value} pairs. */
    static final class Options {
        static Map<String, String> parse(String[] args) {
            Map<String, String> options = new java.util.HashMap<>();
            for (String arg : args) {
                if (!arg.startsWith("--") || !arg.contains("=")) {
                    throw new IllegalArgumentException("expected --name=value, got " + arg);
                }
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
            return options;
        }
    }
}
