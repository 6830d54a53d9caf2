package uk.mentoring.system;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import uk.mentoring.stack.Component;
import uk.mentoring.stack.FreePorts;
import uk.mentoring.stack.Platform;
import uk.mentoring.stack.PlatformClient;
import uk.mentoring.stack.Progress;
import uk.mentoring.stack.StackSettings;

/** The built platform, started as the local stack starts it, on ports of its own. */
final class RunningPlatform {

    private static StackSettings sharedSettings;

    private RunningPlatform() {
    }

    /**
     * One platform for the test classes that only use it (every service its own process, on the
     * test kit's Kafka and MongoDB), started by the first and stopped with the test JVM.
     */
    static synchronized StackSettings shared() throws IOException, InterruptedException {
        if (sharedSettings == null) {
            StackSettings settings = settings(newDataFolder(), Optional.of(uk.mentoring.testkit.TestInfrastructure.mongoUri()),
                    Optional.of(uk.mentoring.testkit.TestInfrastructure.kafka().bootstrapServers()));
            Platform platform = start(settings);
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close));
            sharedSettings = settings;
        }
        return sharedSettings;
    }

    static Path root() {
        return Path.of(System.getProperty("mentoring.root", "../..")).toAbsolutePath().normalize();
    }

    static StackSettings settings(Path data, Optional<String> mongoUri, Optional<String> kafka) {
        Map<Component, Integer> ports = new EnumMap<>(Component.class);
        for (Component component : Component.values()) {
            ports.put(component, FreePorts.next());
        }
        int kafkaPort = FreePorts.next();
        return StackSettings.standard(root(), data, mongoUri, kafka).withPorts(ports, FreePorts.next(), kafkaPort);
    }

    static Path newDataFolder() {
        return root().resolve("infra/system-tests/target/platform-" + UUID.randomUUID());
    }

    static Platform start(StackSettings settings) throws IOException, InterruptedException {
        return Platform.start(settings, new Progress(System.out));
    }

    static PlatformClient client(StackSettings settings) {
        return new PlatformClient(settings.url(Component.GATEWAY), settings.url(Component.IDENTITY_PROVIDER));
    }
}
