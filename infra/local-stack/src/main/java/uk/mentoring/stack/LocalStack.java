package uk.mentoring.stack;

import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar infra/local-stack/target/local-stack-exec.jar}, from the repository's root:
 * the whole platform on this machine, with a demo trust, until Ctrl-C.
 */
public final class LocalStack {

    private LocalStack() {
    }

    public static void main(String[] args) throws Exception {
        StackSettings settings = StackSettings.fromEnvironment();
        Progress progress = new Progress(System.out);
        progress.say("Starting the mentoring platform (data in " + settings.data() + ")");
        Platform platform;
        try {
            platform = Platform.startServices(settings, progress);
        } catch (IllegalStateException failure) {
            System.err.println("\nThe platform could not start: " + failure.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the platform...");
            platform.close();
            System.out.println("Stopped. Data kept in " + settings.data());
            stopped.countDown();
        }, "local-stack-shutdown"));
        // the demo trust is in place before the gateway opens, so whoever finds the gateway up finds the trust too
        try {
            new DemoTrust(PlatformClient.direct(settings), progress).seed();
        } catch (RuntimeException failure) {
            progress.say("The demo trust could not be created: " + failure.getMessage());
        }
        try {
            platform.openGateway();
        } catch (IllegalStateException failure) {
            System.err.println("\nThe gateway could not start: " + failure.getMessage());
            System.exit(1);
            return;
        }
        printWelcome(settings, platform);
        stopped.await();
    }

    private static void printWelcome(StackSettings settings, Platform platform) {
        StringBuilder memory = new StringBuilder();
        for (Map.Entry<String, Long> process : platform.residentMemory().entrySet()) {
            memory.append(String.format("    %-36s %5d MB%n", process.getKey(), process.getValue() / (1024 * 1024)));
        }
        System.out.printf("""

                The mentoring platform is up.

                  Gateway (API and dashboards)  %s
                  Identity provider             %s   (demo users and clients: trust-lead, school-lead-1, school-lead-2,
                                                          mentor-1, mentee-1, auditor; password / secret: demo)
                  Kafka                         %s
                  MongoDB                       %s
                  Services                      pairing %s · meeting %s · reflection %s · analytics %s

                Try it:
                  TOKEN=$(curl -s -u trust-lead:demo -d grant_type=client_credentials %s/oauth2/token | jq -r .access_token)
                  curl -s -H "Authorization: Bearer $TOKEN" %s/api/analytics/trust | jq

                Logs: %s/
                Memory in use (resident):
                %s
                Press Ctrl-C to stop; the data stays in %s.
                """,
                settings.url(Component.GATEWAY), settings.url(Component.IDENTITY_PROVIDER), settings.kafkaServers(),
                settings.mongoUri().isPresent() ? "(yours)" : settings.mongoConnection(),
                settings.url(Component.PAIRING_SERVICE), settings.url(Component.MEETING_SERVICE), settings.url(Component.REFLECTION_SERVICE),
                settings.url(Component.ANALYTICS_SERVICE), settings.url(Component.IDENTITY_PROVIDER), settings.url(Component.GATEWAY),
                settings.root().relativize(settings.logs()), memory, settings.root().relativize(settings.data()));
    }
}
