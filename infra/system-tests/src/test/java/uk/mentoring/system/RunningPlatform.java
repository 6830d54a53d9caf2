package uk.mentoring.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import uk.mentoring.stack.Component;
import uk.mentoring.stack.Platform;
import uk.mentoring.stack.PlatformClient;
import uk.mentoring.stack.Progress;
import uk.mentoring.stack.StackSettings;

/** The built platform, started as the local stack starts it, on ports of its own. */
final class RunningPlatform {

    private static final int LOWEST_CHOSEN = 20_000;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

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
            ports.put(component, freePort());
        }
        int kafkaPort = freePort();
        return StackSettings.standard(root(), data, mongoUri, kafka).withPorts(ports, freePort(), kafkaPort);
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

    /**
     * A port no one listens on, below the range the system hands out to outgoing connections. A
     * port from that range, free when asked for, can be taken by any connection made before the
     * process it is meant for binds it, seconds later: the platform's own Kafka once failed to
     * start so, while the shared platform's services were connecting.
     */
    private static int freePort() {
        int below = firstPortForOutgoingConnections();
        for (int attempt = 0; attempt < 200 && below > LOWEST_CHOSEN + 1_000; attempt++) {
            int candidate = ThreadLocalRandom.current().nextInt(LOWEST_CHOSEN, below);
            if (!HANDED_OUT.add(candidate)) {
                continue; // free again only because the one it went to has not bound it yet
            }
            try (ServerSocket socket = new ServerSocket(candidate)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // another one
            }
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int firstPortForOutgoingConnections() {
        try {
            // read by lines: read whole, the kernel's file gave its first character only
            return Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException unknown) {
            return 32_768; // Linux's default, and below other systems' ranges too
        }
    }
}
