package uk.mentoring.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The whole platform on one machine: MongoDB (embedded unless one is given), a Kafka broker
 * (unless one is given), the identity provider, the four services and the gateway, each in its
 * own process with its own log. Stopping it stops everything, the gateway first, Kafka last.
 */
public final class Platform implements AutoCloseable {

    /** In {@link #processorTime()}: this JVM, apart from the embedded MongoDB's threads. */
    public static final String THIS_PROCESS = "this process";
    private static final String EMBEDDED_MONGO = "embedded MongoDB";
    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(5);

    private final StackSettings settings;
    private final Progress progress;
    private final List<ManagedProcess> processes = new ArrayList<>();
    private EmbeddedMongo mongo;

    /** Whoever started the platform, its processes do not outlive this one when it is interrupted. */
    private final Thread stopOnExit = new Thread(this::close, "platform-stop-on-exit");

    private Platform(StackSettings settings, Progress progress) {
        this.settings = settings;
        this.progress = progress;
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /** Starts everything and waits until all of it is healthy. */
    public static Platform start(StackSettings settings, Progress progress) throws IOException, InterruptedException {
        Platform platform = startServices(settings, progress);
        platform.openGateway();
        return platform;
    }

    /**
     * Starts everything but the gateway, so that data can be put in place before anyone outside
     * can reach the platform; {@link #openGateway()} then lets them in.
     */
    public static Platform startServices(StackSettings settings, Progress progress) throws IOException, InterruptedException {
        Platform platform = new Platform(settings, progress);
        try {
            platform.startAll();
            return platform;
        } catch (IOException | InterruptedException | RuntimeException failure) {
            platform.close();
            throw failure;
        }
    }

    /** Starts the gateway and waits until it is healthy. */
    public void openGateway() throws IOException, InterruptedException {
        try {
            Map<String, String> routes = new LinkedHashMap<>();
            for (Component component : List.of(Component.PAIRING_SERVICE, Component.MEETING_SERVICE, Component.REFLECTION_SERVICE,
                    Component.ANALYTICS_SERVICE)) {
                routes.put(component.urlVariable(), settings.url(component));
            }
            launch(List.of(service(Component.GATEWAY, routes, List.of())));
        } catch (IOException | InterruptedException | RuntimeException failure) {
            close();
            throw failure;
        }
    }

    public StackSettings settings() {
        return settings;
    }

    private void startAll() throws IOException, InterruptedException {
        checkJarsAreBuilt();
        checkPortsAreFree();
        Files.createDirectories(settings.logs());

        if (settings.mongoUri().isEmpty()) {
            mongo = EmbeddedMongo.start(settings.data().resolve("mongodb"), settings.mongoPort());
            progress.step("MongoDB (embedded, data in " + settings.root().relativize(settings.data().resolve("mongodb")) + ") on port " + settings.mongoPort());
        } else {
            progress.step("MongoDB: using " + redact(settings.mongoUri().get()));
        }
        List<ManagedProcess> first = new ArrayList<>();
        if (settings.kafka().isEmpty()) {
            first.add(ManagedProcess.listening("kafka", settings.root().resolve("infra/kafka-broker/target/kafka-broker-exec.jar"),
                    jvm("-Xmx384m"), List.of("--port=" + settings.kafkaPort(), "--controller-port=" + (settings.kafkaPort() + 1),
                            "--data=" + settings.data().resolve("kafka")), settings.logs().resolve("kafka.log"), settings.kafkaPort()));
        } else {
            progress.step("Kafka: using " + settings.kafka().get());
        }
        first.add(service(Component.IDENTITY_PROVIDER, Map.of(
                "IDENTITY_KEY_FILE", settings.data().resolve("identity/signing-key.json").toString(),
                "GATEWAY_URL", settings.url(Component.GATEWAY)),
                List.of("--spring.profiles.active=local", "--spring.config.additional-location=optional:file:" + demoStaff())));
        launch(first);

        List<ManagedProcess> services = new ArrayList<>();
        for (Component component : List.of(Component.PAIRING_SERVICE, Component.MEETING_SERVICE, Component.REFLECTION_SERVICE,
                Component.ANALYTICS_SERVICE)) {
            services.add(service(component, component == Component.MEETING_SERVICE ? meetingSettings()
                    : component == Component.ANALYTICS_SERVICE ? sealingServices() : Map.of(), List.of()));
        }
        launch(services);
    }

    /** The demo trust's staff, for the identity provider to know besides the six guide personas. */
    private java.nio.file.Path demoStaff() throws IOException {
        java.nio.file.Path staff = settings.data().resolve("identity/demo-staff.yml");
        Files.createDirectories(staff.getParent());
        try (var in = Platform.class.getResourceAsStream("/demo-staff.yml")) {
            Files.write(staff, in.readAllBytes());
        }
        return staff;
    }

    /** Where analytics has sealed names and words opened: the services that sealed them. */
    private Map<String, String> sealingServices() {
        return Map.of("PAIRING_SERVICE_URL", settings.url(Component.PAIRING_SERVICE),
                "MEETING_SERVICE_URL", settings.url(Component.MEETING_SERVICE),
                "REFLECTION_SERVICE_URL", settings.url(Component.REFLECTION_SERVICE));
    }

    /**
     * On the local stack a meeting left unrecorded is called missed two minutes after the end of
     * its recording window, so the demo shows missed meetings on its first day, not its second.
     */
    private static Map<String, String> meetingSettings() {
        String grace = System.getenv().getOrDefault("MENTORING_MEETING_RECORDING_GRACE", "PT2M");
        return Map.of("MENTORING_MEETING_RECORDING_GRACE", grace);
    }

    private ManagedProcess service(Component component, Map<String, String> extra, List<String> arguments) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PORT", String.valueOf(settings.port(component)));
        environment.put("MONGODB_URI", settings.mongoConnection());
        environment.put("KAFKA_BOOTSTRAP_SERVERS", settings.kafkaServers());
        environment.put("IDENTITY_ISSUER_URI", settings.url(Component.IDENTITY_PROVIDER));
        environment.putAll(extra);
        return ManagedProcess.springBoot(component.displayName(), component.jar(settings.root()), jvm(component.heap()), arguments,
                environment, settings.logs().resolve(component.displayName() + ".log"), settings.port(component));
    }

    private List<String> jvm(String heap) {
        List<String> options = new ArrayList<>(List.of(heap, "-XX:+UseSerialGC", "-Xss512k", "-XX:TieredStopAtLevel=1"));
        if (!settings.jvmOptions().isBlank()) {
            options.addAll(Arrays.asList(settings.jvmOptions().trim().split("\\s+")));
        }
        return options;
    }

    /**
     * Kills one process outright (SIGKILL), as a failing machine would, for rehearsing failures:
     * {@code kafka} or a component's name.
     */
    public void crash(String name) {
        process(name).kill();
    }

    /** Starts a crashed process again, on the same data, and waits until it is healthy. */
    public void revive(String name) throws IOException, InterruptedException {
        ManagedProcess process = process(name);
        process.start();
        awaitReady(List.of(process));
    }

    private ManagedProcess process(String name) {
        return processes.stream().filter(process -> process.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no process " + name + " in this platform"));
    }

    /** Starts these processes side by side and waits until each is healthy, saying how it goes. */
    private void launch(List<ManagedProcess> batch) throws IOException, InterruptedException {
        for (ManagedProcess process : batch) {
            process.start();
            processes.add(process);
        }
        awaitReady(batch);
    }

    private void awaitReady(List<ManagedProcess> batch) throws InterruptedException {
        List<ManagedProcess> waiting = new ArrayList<>(batch);
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        long nextReport = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!waiting.isEmpty()) {
            for (ManagedProcess process : List.copyOf(waiting)) {
                if (process.hasDied()) {
                    throw new IllegalStateException(process.name() + " stopped while starting; the end of " + settings.root().relativize(process.log())
                            + ":\n  " + String.join("\n  ", process.lastLogLines(25)));
                }
                if (process.isReady()) {
                    waiting.remove(process);
                    progress.step(String.format("%-19s up after %4.1f s   (log: %s)", process.name(), process.sinceStart().toMillis() / 1000.0,
                            settings.root().relativize(process.log())));
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("still not healthy after " + STARTUP_LIMIT.toMinutes() + " minutes: "
                        + waiting.stream().map(ManagedProcess::name).collect(Collectors.joining(", ")));
            }
            if (!waiting.isEmpty() && System.nanoTime() > nextReport) {
                nextReport = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                progress.waiting(waiting.stream().map(ManagedProcess::name).toList());
            }
            Thread.sleep(250);
        }
    }

    private void checkJarsAreBuilt() {
        List<String> missing = new ArrayList<>();
        for (Component component : Component.values()) {
            if (!Files.exists(component.jar(settings.root()))) {
                missing.add(settings.root().relativize(component.jar(settings.root())).toString());
            }
        }
        if (settings.kafka().isEmpty() && !Files.exists(settings.root().resolve("infra/kafka-broker/target/kafka-broker-exec.jar"))) {
            missing.add("infra/kafka-broker/target/kafka-broker-exec.jar");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Build the platform first (./mvnw -DskipTests package); missing: " + String.join(", ", missing));
        }
    }

    private void checkPortsAreFree() {
        List<String> taken = new ArrayList<>();
        for (Component component : Component.values()) {
            if (ManagedProcess.isListening(settings.port(component))) {
                taken.add(component.displayName() + " (" + settings.port(component) + ")");
            }
        }
        if (settings.mongoUri().isEmpty() && ManagedProcess.isListening(settings.mongoPort())) {
            taken.add("MongoDB (" + settings.mongoPort() + ")");
        }
        if (settings.kafka().isEmpty() && ManagedProcess.isListening(settings.kafkaPort())) {
            taken.add("Kafka (" + settings.kafkaPort() + ")");
        }
        if (!taken.isEmpty()) {
            throw new IllegalStateException("These ports are in use; is the platform running already? " + String.join(", ", taken));
        }
    }

    /** Each process's resident memory, for the record. */
    public Map<String, Long> residentMemory() {
        Map<String, Long> memory = new LinkedHashMap<>();
        for (ManagedProcess process : processes) {
            process.residentBytes().ifPresent(bytes -> memory.put(process.name(), bytes));
        }
        Runtime runtime = Runtime.getRuntime();
        memory.put("local-stack (with embedded MongoDB)", ProcessHandle.current().pid() > 0
                ? ownResidentBytes().orElse(runtime.totalMemory() - runtime.freeMemory()) : 0L);
        return memory;
    }

    /**
     * Processor time each process has used so far. The embedded MongoDB runs in this process and is
     * counted apart from the rest of it ({@link #THIS_PROCESS}: whatever else this JVM does, with its
     * compiler and collector threads).
     */
    public Map<String, Duration> processorTime() {
        Map<String, Duration> used = new LinkedHashMap<>();
        for (ManagedProcess process : processes) {
            process.pid().flatMap(ProcessHandle::of).flatMap(handle -> handle.info().totalCpuDuration())
                    .ifPresent(time -> used.put(process.name(), time));
        }
        Duration own = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
        if (mongo != null) {
            Duration server = mongo.processorTime();
            used.put(EMBEDDED_MONGO, server);
            own = own.minus(server);
        }
        used.put(THIS_PROCESS, own);
        return used;
    }

    public List<String> logFiles() {
        return processes.stream().map(process -> settings.root().relativize(process.log()).toString()).toList();
    }

    private static Optional<Long> ownResidentBytes() {
        try {
            for (String line : Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String redact(String uri) {
        return uri.replaceAll("//[^@/]+@", "//***@");
    }

    /** Stops the gateway first and Kafka last, each given time to finish what it was doing. */
    @Override
    public synchronized void close() {
        if (Thread.currentThread() != stopOnExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or about to, and will find nothing left to stop
            }
        }
        List<ManagedProcess> reverse = new ArrayList<>(processes);
        java.util.Collections.reverse(reverse);
        List<Thread> stopping = new ArrayList<>();
        // the services stop side by side; the broker and the identity provider only once they are down
        for (ManagedProcess process : reverse) {
            if (!process.name().equals("kafka") && !process.name().equals(Component.IDENTITY_PROVIDER.displayName())) {
                Thread thread = new Thread(() -> process.stop(Duration.ofSeconds(20)));
                thread.start();
                stopping.add(thread);
            }
        }
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (ManagedProcess process : reverse) {
            process.stop(Duration.ofSeconds(20));
        }
        if (mongo != null) {
            mongo.close();
            mongo = null;
        }
        processes.clear();
    }
}
