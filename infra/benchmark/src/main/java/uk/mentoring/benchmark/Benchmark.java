package uk.mentoring.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import uk.mentoring.stack.Component;
import uk.mentoring.stack.DemoTrust;
import uk.mentoring.stack.FreePorts;
import uk.mentoring.stack.Platform;
import uk.mentoring.stack.PlatformClient;
import uk.mentoring.stack.Progress;
import uk.mentoring.stack.StackSettings;

/**
 * {@code java -jar infra/benchmark/target/benchmark-exec.jar}, from the repository's root: starts
 * the embedded platform on ports of its own, drives it, and writes what it measured, each figure
 * beside the baseline it is compared with in the same run, to {@code infra/benchmark/results}.
 * The load generator runs on the same machine as the platform and competes with it for the cores.
 */
public final class Benchmark {

    private static final List<String> TOPICS = List.of("mentoring.pairing.v1", "mentoring.meeting.v1", "mentoring.reflection.v1");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Duration phase = Duration.ofSeconds(Long.getLong("benchmark.seconds", 20));
    private final int clients = Integer.getInteger("benchmark.clients", 8);
    private final int fixedRate = Integer.getInteger("benchmark.rate", 200);
    private final AtomicLong enrolled = new AtomicLong();
    private String school;
    private final Map<String, String> schoolsLed = new ConcurrentHashMap<>();

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        new Benchmark().run();
    }

    private void run() throws Exception {
        Path root = Path.of(System.getProperty("mentoring.root", ".")).toAbsolutePath().normalize();
        Path data = root.resolve("infra/benchmark/target/data-" + UUID.randomUUID());
        Map<Component, Integer> ports = new EnumMap<>(Component.class);
        for (Component component : Component.values()) {
            ports.put(component, FreePorts.next());
        }
        // the gateway's per-person rate limit would cap one school lead's enrolments; it is not what is measured.
        // The services' JIT compiles hot code fully, as in the container images (infra/deploy/Dockerfile), where the
        // local stack stops it at the first tier for a quicker start; heap and collector stay the local stack's.
        StackSettings settings = StackSettings.standard(root, data, Optional.empty(), Optional.empty()).withPorts(ports, FreePorts.next(), FreePorts.next())
                .withJvmOptions("-Dmentoring.gateway.rate-limit.requests-per-second=100000 -Dmentoring.gateway.rate-limit.burst=100000"
                        + " -XX:TieredStopAtLevel=4");
        Progress progress = new Progress(System.out);
        progress.say("Benchmark: starting the platform (data in " + root.relativize(data) + ")");
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("date", LocalDate.now().toString());
        results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(), "java", System.getProperty("java.version")));
        results.put("phaseSeconds", phase.toSeconds());
        try (Platform platform = Platform.start(settings, progress)) {
            String identity = settings.url(Component.IDENTITY_PROVIDER);
            PlatformClient gateway = new PlatformClient(settings.url(Component.GATEWAY), identity);
            PlatformClient direct = new PlatformClient(settings.url(Component.PAIRING_SERVICE), identity);
            progress.step("the demo trust and its term, for the personas' mix");
            new DemoTrust(gateway, Progress.silent()).seed();
            String trustLead = gateway.token("trust-lead");
            String lead = gateway.token("school-lead-1");
            school = PlatformClient.claims(lead).path("school_ids").get(0).asText();
            gateway.post("/api/schools", Map.of("name", "Benchmark Academy", "urn", "149999", "phase", "PRIMARY", "schoolId", school), trustLead,
                    "benchmark:school");

            progress.step("warming up until the compilers have settled, " + WARM_UP_ROUND.toSeconds() + " s rounds, at most "
                    + WARM_UP_ROUNDS_AT_MOST);
            // in a school of its own: the measured school's views stay the size they would be without it
            results.put("warmUp", warmUp(gateway, direct, gateway.token(WARM_UP_LEAD), progress));

            // the two alternate in short rounds, so that neither is measured on a smaller store or a
            // colder JIT than the other
            progress.step("commands at the most the machine allows, " + clients + " clients, through the gateway and straight to the pairing"
                    + " service in turns of " + phase.dividedBy(ROUNDS).toSeconds() + " s");
            Load throughGateway = Load.NONE;
            Load straight = Load.NONE;
            ProcessorTime gatewayTime = new ProcessorTime(platform);
            ProcessorTime straightTime = new ProcessorTime(platform);
            for (int round = 0; round < ROUNDS; round++) {
                throughGateway = throughGateway.and(gatewayTime.during(() -> closedLoop(gateway, lead, phase.dividedBy(ROUNDS))));
                straight = straight.and(straightTime.during(() -> closedLoop(direct, lead, phase.dividedBy(ROUNDS))));
            }
            Map<String, Object> commands = new LinkedHashMap<>();
            commands.put("throughGateway", throughGateway.summary());
            commands.put("direct", straight.summary());
            commands.put("gatewayLatencyRatioP50", ratio(throughGateway.latency.getValueAtPercentile(50), straight.latency.getValueAtPercentile(50)));
            commands.put("gatewayLatencyRatioP99", ratio(throughGateway.latency.getValueAtPercentile(99), straight.latency.getValueAtPercentile(99)));
            commands.put("gatewayThroughputRatio", ratio(throughGateway.perSecond(), straight.perSecond()));
            commands.put("processorMsPerEnrolment", Map.of(
                    "throughGateway", gatewayTime.perCommand(throughGateway.commands()),
                    "direct", straightTime.perCommand(straight.commands())));
            results.put("commandsAtMaximum", commands);

            progress.step("enrolments at a fixed " + MIX_RATE + " a second, through the gateway and straight to the pairing service in turns");
            results.put("gatewayAtFixedRate", gatewayAtFixedRate(gateway, direct, lead, trustLead));

            progress.step("the demo personas' mix of commands and reads, " + clients + " clients, through the gateway");
            Personas personas = Personas.of(gateway);
            results.put("personasMix", mix(gateway, personas, lead, trustLead));

            progress.step("waiting until the views have caught up with what went before");
            settle(gateway, trustLead);
            progress.step("the same mix at a fixed " + MIX_RATE + " requests a second, with every enrolment followed into the views");
            results.put("personasMixAtFixedRate", mixAtFixedRate(gateway, personas, lead, trustLead, MIX_RATE));

            progress.step("an auditor replaying a mentee's history of " + AUDITED_EVENTS + " events");
            results.put("auditReplay", auditReplay(gateway, personas));

            settle(gateway, trustLead);
            progress.step(fixedRate + " commands a second through the gateway, with freshness sampled");
            results.put("fixedRate", fixedRate(gateway, lead, trustLead));

            // the rebuild is measured on its own, not beside the live consumers catching up with the phase before
            settle(gateway, trustLead);
            progress.step("rebuilding the views twice, each after a plain Kafka consumer has read the same topics");
            results.put("rebuild", rebuild(gateway, trustLead, settings.kafkaServers()));

            settle(gateway, trustLead);
            progress.step("the platform at rest for " + AT_REST.toSeconds() + " s, nobody using it");
            results.put("atRest", atRest(platform));

            Map<String, Long> memory = new LinkedHashMap<>();
            platform.residentMemory().forEach((process, bytes) -> memory.put(process, bytes / (1024 * 1024)));
            results.put("residentMemoryMB", memory);
            results.put("enrolmentsRecorded", enrolled.get());
        }
        Path folder = root.resolve("infra/benchmark/results");
        Files.createDirectories(folder);
        String json = JSON.writeValueAsString(results);
        Files.writeString(folder.resolve("latest.json"), json);
        String table = Report.table(results);
        Files.writeString(folder.resolve("latest.md"), table);
        System.out.println();
        System.out.println(table);
        System.out.println("Written to " + root.relativize(folder.resolve("latest.json")) + " and latest.md");
    }

    /** Long enough to take in each consumer's idle fetches and each relay's sweep a few times over. */
    private static final Duration AT_REST = Duration.ofSeconds(10);
    private static final int AUDITED_EVENTS = 2_000;
    /** An auditor's first reads of each kind, while the services compile that path, are left out; the next are measured. */
    private static final int AUDIT_READS_UNMEASURED = 10;
    private static final int AUDIT_READS = 100;
    private static final String WARM_UP_LEAD = "school-lead-3";
    private static final Duration WARM_UP_ROUND = Duration.ofSeconds(10);
    private static final int WARM_UP_ROUNDS_AT_LEAST = 3;
    private static final int WARM_UP_ROUNDS_AT_MOST = 12;
    /** A round this much faster than the best before it means the compilers are still at work. */
    private static final double STILL_RISING = 1.05;
    private static final int ROUNDS = 4;
    /** A rate of the personas' mix that 2 cores keep up with, so its latency and freshness measure the path, not a queue. */
    private static final int MIX_RATE = Integer.getInteger("benchmark.mix-rate", 20);

    /** The demo personas the mix acts as, and the pairing of mentor-1 and mentee-1 they act in. */
    record Personas(String mentor, String mentee, String auditor, String pairing, String menteeId) {

        static Personas of(PlatformClient gateway) {
            String mentee = gateway.token("mentee-1");
            String menteeId = PlatformClient.claims(mentee).path("person_id").asText();
            String pairing = gateway.get("/api/analytics/mentees/" + menteeId, mentee).json().path("pairings").get(0).path("pairingId").asText();
            return new Personas(gateway.token("mentor-1"), mentee, gateway.token("auditor"), pairing, menteeId);
        }
    }

    /** One kind of request in the mix: who sends it, how often (out of 100), and whether it writes. */
    private record Action(String name, int weight, boolean command, java.util.function.Supplier<PlatformClient.Answer> send) {
    }

    /**
     * What the demo personas do in a school day, at the most the machine allows: leads enrol and
     * read their school and the trust, a mentor records observations and reads the pairing, the
     * mentee sets targets and reflects, an auditor reads a mentee's state.
     */
    private Map<String, Object> mix(PlatformClient gateway, Personas personas, String lead, String trustLead) throws InterruptedException {
        List<Action> actions = personasActions(gateway, personas, lead, trustLead);
        List<Action> wheel = wheel(actions);
        Map<String, Recorder> latencies = new LinkedHashMap<>();
        actions.forEach(action -> latencies.put(action.name(), new Recorder(3)));
        Recorder commands = new Recorder(3);
        Recorder reads = new Recorder(3);
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + phase.toNanos();
        long began = System.nanoTime();
        ExecutorService callers = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < clients; i++) {
            callers.submit(() -> {
                java.util.Random random = new java.util.Random();
                while (System.nanoTime() < end) {
                    Action action = wheel.get(random.nextInt(wheel.size()));
                    long start = System.nanoTime();
                    boolean ok;
                    try {
                        ok = action.send().get().status() < 300;
                    } catch (RuntimeException e) {
                        ok = false;
                    }
                    long micros = (System.nanoTime() - start) / 1000;
                    latencies.get(action.name()).recordValue(micros);
                    (action.command() ? commands : reads).recordValue(micros);
                    if (!ok) {
                        failed.incrementAndGet();
                    }
                }
            });
        }
        callers.shutdown();
        callers.awaitTermination(phase.toSeconds() + 60, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - began) / 1e9;
        Histogram commandLatency = commands.getIntervalHistogram();
        Histogram readLatency = reads.getIntervalHistogram();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("commandsPerSecond", round(commandLatency.getTotalCount() / seconds));
        summary.put("readsPerSecond", round(readLatency.getTotalCount() / seconds));
        summary.put("failures", failed.get());
        summary.put("commandLatencyMs", percentiles(commandLatency));
        summary.put("readLatencyMs", percentiles(readLatency));
        Map<String, Object> byAction = new LinkedHashMap<>();
        latencies.forEach((name, recorder) -> {
            Histogram histogram = recorder.getIntervalHistogram();
            Map<String, Object> action = new LinkedHashMap<>();
            action.put("count", histogram.getTotalCount());
            action.put("latencyMs", percentiles(histogram));
            byAction.put(name, action);
        });
        summary.put("byAction", byAction);
        return summary;
    }

    /**
     * Waits until the trust's views stop changing: a fixed-rate phase that starts while analytics
     * is still working through the last phase's backlog would measure that backlog as freshness.
     */
    private static void settle(PlatformClient gateway, String trustLead) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        String before = "";
        int still = 0;
        while (still < 3 && System.nanoTime() < deadline) {
            com.fasterxml.jackson.databind.JsonNode trust = gateway.get("/api/analytics/trust", trustLead).json();
            String now = trust.path("mentees").asText() + "/" + trust.path("progress").toString();
            still = now.equals(before) ? still + 1 : 0;
            before = now;
            pause(1000);
        }
    }

    /** What the demo personas do, each with how often they do it out of 100. */
    private List<Action> personasActions(PlatformClient gateway, Personas personas, String lead, String trustLead) {
        AtomicLong n = new AtomicLong();
        String yesterday = LocalDate.now().minusDays(1) + "T10:00";
        return List.of(
                new Action("enrol a mentee (school lead)", 10, true, () -> enrolAnswer(gateway, lead)),
                new Action("record a lesson observation (mentor)", 15, true, () -> gateway.post("/api/observations",
                        Map.of("pairingId", personas.pairing(), "observedAt", yesterday, "focus", "Questioning " + n.incrementAndGet(),
                                "strengths", List.of("Calm start"), "developmentPoints", List.of("Wait time")), personas.mentor())),
                new Action("set a development target (mentee)", 15, true, () -> gateway.post("/api/development-targets",
                        Map.of("pairingId", personas.pairing(), "area", "Wait time " + n.incrementAndGet()), personas.mentee())),
                new Action("submit a reflection (mentee)", 10, true, () -> gateway.post("/api/reflections",
                        Map.of("pairingId", personas.pairing(), "model", "FREE", "sections", Map.of("text", "What I noticed " + n.incrementAndGet()),
                                "selfAssessedDepth", "UNDERSTANDING"), personas.mentee())),
                new Action("read the trust overview (trust lead)", 10, false, () -> gateway.get("/api/analytics/trust", trustLead)),
                new Action("read the school (school lead)", 15, false, () -> gateway.get("/api/analytics/schools/" + school, lead)),
                new Action("read the pairing (mentor)", 15, false, () -> gateway.get("/api/analytics/pairings/" + personas.pairing(), personas.mentor())),
                new Action("read a mentee's state (auditor)", 10, false, () -> gateway.get("/api/audit/mentees/" + personas.menteeId() + "/state",
                        personas.auditor())));
    }

    private static List<Action> wheel(List<Action> actions) {
        List<Action> wheel = new ArrayList<>();
        actions.forEach(action -> java.util.stream.IntStream.range(0, action.weight()).forEach(i -> wheel.add(action)));
        return wheel;
    }

    /**
     * The personas' mix sent at a fixed rate the machine can keep up with; every enrolment in it is
     * followed until the trust's views show the new mentee.
     */
    private Map<String, Object> mixAtFixedRate(PlatformClient gateway, Personas personas, String lead, String trustLead, int rate)
            throws InterruptedException {
        List<Action> wheel = wheel(personasActions(gateway, personas, lead, trustLead));
        java.util.Random random = new java.util.Random(42);
        List<Action> chosen = new ArrayList<>();
        for (long i = 0; i < (long) rate * phase.toSeconds(); i++) {
            chosen.add(wheel.get(random.nextInt(wheel.size())));
        }
        return atFixedRate(gateway, trustLead, rate, phase, 32, n -> {
            Action action = chosen.get((int) n);
            PlatformClient.Answer answer = action.send().get();
            boolean ok = answer.status() < 300;
            return new Sent(ok, action.command(), ok && action.name().startsWith("enrol") ? Optional.of(answer.json().path("id").asText()) : Optional.empty());
        }).summary();
    }

    /** What one request sent at a fixed rate came back with, and the new mentee to follow into the views, if any. */
    private record Sent(boolean ok, boolean command, Optional<String> follow) {

        static final Sent FAILED = new Sent(false, false, Optional.empty());
    }

    /**
     * Sends requests at a fixed rate whatever the answers' pace, latency counted from when each was
     * due so a stall is not hidden, and follows the mentees they name until the trust's views show
     * them (freshness, counted from the answer).
     */
    private FixedRate atFixedRate(PlatformClient gateway, String trustLead, int rate, Duration duration, int threads,
                                  java.util.function.LongFunction<Sent> send) throws InterruptedException {
        Recorder latency = new Recorder(3);
        Recorder freshness = new Recorder(3);
        // by the second each request was due: whether a queue built up steadily or began with a stall
        Recorder[] bySecond = new Recorder[(int) Math.max(1, duration.toSeconds())];
        Arrays.setAll(bySecond, second -> new Recorder(3));
        AtomicLong failed = new AtomicLong();
        AtomicLong commands = new AtomicLong();
        AtomicLong polls = new AtomicLong();
        ExecutorService callers = Executors.newFixedThreadPool(threads);
        ExecutorService watchers = Executors.newFixedThreadPool(4);
        long began = System.nanoTime();
        long total = rate * duration.toMillis() / 1000;
        for (long n = 0; n < total; n++) {
            long due = began + n * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            long number = n;
            callers.submit(() -> {
                Sent sent;
                try {
                    sent = send.apply(number);
                } catch (RuntimeException e) {
                    sent = Sent.FAILED;
                }
                long answered = System.nanoTime();
                latency.recordValue((answered - due) / 1000);
                bySecond[(int) Math.min(bySecond.length - 1, (due - began) / 1_000_000_000L)].recordValue((answered - due) / 1000);
                if (sent.command()) {
                    commands.incrementAndGet();
                }
                if (!sent.ok()) {
                    failed.incrementAndGet();
                }
                sent.follow().ifPresent(mentee -> watchers.submit(() -> {
                    while (gateway.get("/api/analytics/mentees/" + mentee, trustLead).status() != 200) {
                        polls.incrementAndGet();
                        pause(20);
                    }
                    freshness.recordValue((System.nanoTime() - answered) / 1000);
                }));
            });
        }
        callers.shutdown();
        callers.awaitTermination(120, TimeUnit.SECONDS);
        watchers.shutdown();
        watchers.awaitTermination(120, TimeUnit.SECONDS);
        List<Double> medianBySecond = new ArrayList<>();
        for (Recorder second : bySecond) {
            medianBySecond.add(round(second.getIntervalHistogram().getValueAtPercentile(50) / 1000.0));
        }
        return new FixedRate(rate, total, commands.get(), failed.get(), latency.getIntervalHistogram(), freshness.getIntervalHistogram(), polls.get(),
                medianBySecond);
    }

    /** What a fixed-rate phase measured: latencies from due time and freshness, in microseconds. */
    record FixedRate(int rate, long requests, long commands, long failures, Histogram latency, Histogram freshness, long polls,
                     List<Double> latencyMedianMsBySecond) {

        Map<String, Object> summary() {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("rate", rate);
            summary.put("requests", requests);
            summary.put("commands", commands);
            summary.put("failures", failures);
            summary.put("latencyMs", percentiles(latency));
            summary.put("freshnessSamples", freshness.getTotalCount());
            summary.put("freshnessMs", percentiles(freshness));
            summary.put("freshnessPolls", polls);
            summary.put("latencyMedianMsBySecond", latencyMedianMsBySecond);
            return summary;
        }
    }

    /**
     * An auditor replaying a mentee whose trail holds at least {@value #AUDITED_EVENTS} events
     * (topped up with targets the mentee sets): the state folded from the whole trail, the chain
     * verified, the first page of the history, the machine-readable export.
     */
    private Map<String, Object> auditReplay(PlatformClient gateway, Personas personas) throws InterruptedException {
        String trail = "/api/audit/mentees/" + personas.menteeId();
        long entries = gateway.get(trail + "/events?size=1", personas.auditor()).json().path("total").asLong();
        ExecutorService setters = Executors.newFixedThreadPool(clients);
        AtomicLong next = new AtomicLong();
        for (long i = entries; i < AUDITED_EVENTS; i++) {
            setters.submit(() -> gateway.post("/api/development-targets",
                    Map.of("pairingId", personas.pairing(), "area", "Audit depth " + next.incrementAndGet()), personas.mentee()));
        }
        setters.shutdown();
        setters.awaitTermination(10, TimeUnit.MINUTES);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (gateway.get(trail + "/events?size=1", personas.auditor()).json().path("total").asLong() < AUDITED_EVENTS
                && System.nanoTime() < deadline) {
            pause(200);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("events", gateway.get(trail + "/events?size=1", personas.auditor()).json().path("total").asLong());
        Map<String, String> reads = new LinkedHashMap<>();
        reads.put("state", trail + "/state");
        reads.put("verify", trail + "/verify");
        reads.put("firstPageOf500", trail + "/events?size=500");
        reads.put("exportJsonLines", trail + "/export?format=jsonl");
        for (Map.Entry<String, String> read : reads.entrySet()) {
            for (int i = 0; i < AUDIT_READS_UNMEASURED; i++) {
                gateway.get(read.getValue(), personas.auditor());
            }
            Recorder latency = new Recorder(3);
            for (int i = 0; i < AUDIT_READS; i++) {
                long start = System.nanoTime();
                gateway.get(read.getValue(), personas.auditor());
                latency.recordValue((System.nanoTime() - start) / 1000);
            }
            summary.put(read.getKey() + "LatencyMs", percentiles(latency.getIntervalHistogram()));
        }
        return summary;
    }

    /** What a load phase measured: latencies in microseconds. */
    record Load(Histogram latency, long commands, long failures, Duration took) {

        static final Load NONE = new Load(new Histogram(3), 0, 0, Duration.ZERO);

        /** This phase and another of the same kind, as if they were one. */
        Load and(Load other) {
            Histogram both = latency.copy();
            both.setAutoResize(true);
            both.add(other.latency());
            return new Load(both, commands + other.commands(), failures + other.failures(), took.plus(other.took()));
        }

        double perSecond() {
            return commands / (took.toMillis() / 1000.0);
        }

        Map<String, Object> summary() {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("commands", commands);
            summary.put("failures", failures);
            summary.put("commandsPerSecond", round(perSecond()));
            summary.put("latencyMs", percentiles(latency));
            return summary;
        }
    }

    /**
     * Enrolments through the gateway and straight to the service in turns until neither gets faster.
     * Seven JVMs share the cores with their compilers, which take minutes of them to compile the
     * enrolment path fully; figures taken before that measure the compilers, not the platform. Warm
     * when two rounds in a row were each no more than 5% faster than the best before them.
     */
    private Map<String, Object> warmUp(PlatformClient gateway, PlatformClient direct, String lead, Progress progress) throws InterruptedException {
        List<Double> throughGateway = new ArrayList<>();
        List<Double> straight = new ArrayList<>();
        int calm = 0;
        long began = System.nanoTime();
        while (throughGateway.size() < WARM_UP_ROUNDS_AT_MOST && calm < 2) {
            double viaGateway = closedLoop(gateway, lead, WARM_UP_ROUND).perSecond();
            double viaService = closedLoop(direct, lead, WARM_UP_ROUND).perSecond();
            boolean rising = throughGateway.size() < WARM_UP_ROUNDS_AT_LEAST - 1
                    || viaGateway > STILL_RISING * best(throughGateway) || viaService > STILL_RISING * best(straight);
            calm = rising ? 0 : calm + 1;
            throughGateway.add(round(viaGateway));
            straight.add(round(viaService));
            progress.say("  round " + throughGateway.size() + ": " + round(viaGateway) + " enrolments/s through the gateway, "
                    + round(viaService) + " straight");
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("seconds", Duration.ofNanos(System.nanoTime() - began).toSeconds());
        summary.put("settled", calm >= 2);
        summary.put("throughGatewayPerSecond", throughGateway);
        summary.put("directPerSecond", straight);
        return summary;
    }

    private static double best(List<Double> rounds) {
        return rounds.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    /**
     * The processor time each process spends during some phases, per command: what an enrolment
     * costs where, and so how many the cores could carry at most.
     */
    private static final class ProcessorTime {

        private final Platform platform;
        private final Map<String, Duration> spent = new LinkedHashMap<>();

        ProcessorTime(Platform platform) {
            this.platform = platform;
        }

        Load during(Phase phase) throws InterruptedException {
            Map<String, Duration> before = platform.processorTime();
            Load load = phase.run();
            platform.processorTime().forEach((process, after) ->
                    spent.merge(process, after.minus(before.getOrDefault(process, Duration.ZERO)), Duration::plus));
            return load;
        }

        Map<String, Object> perCommand(long commands) {
            Map<String, Object> summary = shared(Math.max(1, commands));
            double platformMs = (double) summary.get("platform");
            summary.put("loadGenerator", round(spent.getOrDefault(Platform.THIS_PROCESS, Duration.ZERO).toNanos() / 1e6 / Math.max(1, commands)));
            // what the cores could carry at this cost if the platform had them to itself, the load sent from elsewhere
            summary.put("ceilingPerSecond", round(platformMs == 0 ? 0 : Runtime.getRuntime().availableProcessors() * 1000 / platformMs));
            return summary;
        }

        Map<String, Object> perSecond(Duration took) {
            Map<String, Object> summary = shared(took.toNanos() / 1e9);
            summary.put("shareOfCores", round((double) summary.get("platform") / (Runtime.getRuntime().availableProcessors() * 1000)));
            return summary;
        }

        /** The platform's processes' milliseconds of processor time, in all and each, divided by {@code per}. */
        private Map<String, Object> shared(double per) {
            Map<String, Object> byProcess = new LinkedHashMap<>();
            double platformMs = 0;
            for (Map.Entry<String, Duration> process : spent.entrySet()) {
                double ms = process.getValue().toNanos() / 1e6 / per;
                if (!Platform.THIS_PROCESS.equals(process.getKey())) {
                    byProcess.put(process.getKey(), round(ms));
                    platformMs += ms;
                }
            }
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("platform", round(platformMs));
            summary.put("byProcess", byProcess);
            return summary;
        }
    }

    /**
     * What the platform spends with nobody using it, in milliseconds of processor time a second:
     * consumers asking the broker for more, relays sweeping their stores, stores writing to disk. A
     * trust's platform spends most of its day like this.
     */
    private static Map<String, Object> atRest(Platform platform) throws InterruptedException {
        ProcessorTime time = new ProcessorTime(platform);
        time.during(() -> {
            Thread.sleep(AT_REST.toMillis());
            return Load.NONE;
        });
        return time.perSecond(AT_REST);
    }

    @FunctionalInterface
    private interface Phase {
        Load run() throws InterruptedException;
    }

    /** As many enrolments as {@code clients} callers can make, each waiting for its answer. */
    private Load closedLoop(PlatformClient client, String lead, Duration duration) throws InterruptedException {
        Recorder recorder = new Recorder(3);
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        long began = System.nanoTime();
        ExecutorService callers = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < clients; i++) {
            callers.submit(() -> {
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    boolean ok = enrol(client, lead);
                    recorder.recordValue((System.nanoTime() - start) / 1000);
                    (ok ? done : failed).incrementAndGet();
                }
            });
        }
        callers.shutdown();
        callers.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS);
        return new Load(recorder.getIntervalHistogram(), done.get(), failed.get(), Duration.ofNanos(System.nanoTime() - began));
    }

    /**
     * What the gateway adds to an enrolment's latency when the machine is not saturated: the same
     * fixed rate through the gateway and straight to the service, in alternating turns.
     */
    private Map<String, Object> gatewayAtFixedRate(PlatformClient gateway, PlatformClient direct, String lead, String trustLead)
            throws InterruptedException {
        Histogram through = new Histogram(3);
        Histogram straight = new Histogram(3);
        for (int round = 0; round < ROUNDS; round++) {
            through.add(atFixedRate(gateway, trustLead, MIX_RATE, phase.dividedBy(2 * ROUNDS), 8,
                    n -> new Sent(enrolled(gateway, lead).isPresent(), true, Optional.empty())).latency());
            straight.add(atFixedRate(gateway, trustLead, MIX_RATE, phase.dividedBy(2 * ROUNDS), 8,
                    n -> new Sent(enrolled(direct, lead).isPresent(), true, Optional.empty())).latency());
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("rate", MIX_RATE);
        summary.put("throughGatewayLatencyMs", percentiles(through));
        summary.put("directLatencyMs", percentiles(straight));
        summary.put("gatewayLatencyRatioP50", ratio(through.getValueAtPercentile(50), straight.getValueAtPercentile(50)));
        summary.put("gatewayLatencyRatioP99", ratio(through.getValueAtPercentile(99), straight.getValueAtPercentile(99)));
        return summary;
    }

    /** Enrolments at a fixed rate; every tenth is followed until the trust's views show it. */
    private Map<String, Object> fixedRate(PlatformClient gateway, String lead, String trustLead) throws InterruptedException {
        return atFixedRate(gateway, trustLead, fixedRate, phase, Math.max(clients, 16), n -> {
            Optional<String> mentee = enrolled(gateway, lead);
            return new Sent(mentee.isPresent(), true, n % 10 == 0 ? mentee : Optional.empty());
        }).summary();
    }

    /**
     * The views rebuilt as after a deploy, with code the analytics service has not run before, and
     * then once more at once; each after a plain consumer has read the same topics.
     */
    private Map<String, Object> rebuild(PlatformClient gateway, String trustLead, String kafka) throws InterruptedException {
        Map<String, Object> summary = new LinkedHashMap<>(rebuildOnce(gateway, trustLead, kafka));
        summary.put("again", rebuildOnce(gateway, trustLead, kafka));
        return summary;
    }

    private Map<String, Object> rebuildOnce(PlatformClient gateway, String trustLead, String kafka) throws InterruptedException {
        long rawStart = System.nanoTime();
        long records = readAll(kafka);
        double rawSeconds = (System.nanoTime() - rawStart) / 1e9;

        gateway.post("/api/admin/projections/rebuild", Map.of(), trustLead);
        com.fasterxml.jackson.databind.JsonNode rebuild;
        do {
            pause(250);
            rebuild = gateway.get("/api/admin/projections/rebuild", trustLead).json();
        } while (!rebuild.path("state").asText().equals("FINISHED") && !rebuild.path("state").asText().equals("FAILED"));
        double seconds = Duration.between(Instant.parse(rebuild.path("startedAt").asText()), Instant.parse(rebuild.path("finishedAt").asText()))
                .toMillis() / 1000.0;
        long events = rebuild.path("eventsDone").asLong();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("events", events);
        summary.put("seconds", round(seconds));
        summary.put("eventsPerSecond", round(events / seconds));
        summary.put("rawConsumerRecords", records);
        summary.put("rawConsumerSeconds", round(rawSeconds));
        summary.put("rawConsumerRecordsPerSecond", round(records / rawSeconds));
        summary.put("ratioToRawConsumer", ratio(events / seconds, records / rawSeconds));
        return summary;
    }

    /** A plain consumer reading every record of the three topics once: the baseline for a rebuild. */
    private static long readAll(String kafka) {
        Map<String, Object> properties = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            TOPICS.forEach(topic -> consumer.partitionsFor(topic).forEach(partition -> partitions.add(new TopicPartition(topic, partition.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long records = 0;
            while (end.entrySet().stream().anyMatch(partition -> consumer.position(partition.getKey()) < partition.getValue())) {
                records += consumer.poll(Duration.ofMillis(200)).count();
            }
            return records;
        }
    }

    private boolean enrol(PlatformClient client, String lead) {
        return enrolled(client, lead).isPresent();
    }

    private PlatformClient.Answer enrolAnswer(PlatformClient client, String lead) {
        long n = enrolled.incrementAndGet();
        return client.post("/api/schools/" + schoolsLed.computeIfAbsent(lead, token -> PlatformClient.claims(token).path("school_ids").get(0).asText())
                        + "/mentees",
                Map.of("displayName", "Mentee " + n, "email", "mentee" + n + "@benchmark.example.org", "stage", "TRAINEE"), lead,
                "benchmark:" + n);
    }

    private Optional<String> enrolled(PlatformClient client, String lead) {
        PlatformClient.Answer answer = enrolAnswer(client, lead);
        return answer.status() == 201 ? Optional.of(answer.json().path("id").asText()) : Optional.empty();
    }

    static Map<String, Object> percentiles(Histogram microseconds) {
        Map<String, Object> ms = new LinkedHashMap<>();
        for (double percentile : new double[] {50, 90, 99, 99.9}) {
            ms.put("p" + (percentile == Math.floor(percentile) ? String.valueOf((int) percentile) : String.valueOf(percentile)),
                    round(microseconds.getValueAtPercentile(percentile) / 1000.0));
        }
        ms.put("max", round(microseconds.getMaxValue() / 1000.0));
        return ms;
    }

    static double ratio(double measured, double baseline) {
        return baseline == 0 ? 0 : round(measured / baseline);
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
