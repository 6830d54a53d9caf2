package uk.mentoring.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Nothing in the build starts the compose file or the Kubernetes manifests, so nothing would fail
 * when a service or a setting is added or renamed and they are not. These checks hold them to the code:
 * every service in both, on the port it listens on, checked by the health groups it has, given
 * only settings it reads, and given every address whose default would point it at itself and
 * every secret whose default is public.
 */
class DeploymentFilesTest {

    private static final Path ROOT = repositoryRoot();
    private static final Path DEPLOY = ROOT.resolve("infra/deploy");
    private static final List<String> WITH_KAFKA_AND_MONGODB = List.of("pairing-service", "meeting-service", "reflection-service", "analytics-service");
    private static final List<String> SERVICES = Stream.concat(WITH_KAFKA_AND_MONGODB.stream(), Stream.of("gateway")).toList();
    /** Compose runs the demo identity provider too; on Kubernetes the trust's own takes its place. */
    private static final List<String> COMPOSED = Stream.concat(SERVICES.stream(), Stream.of("infra/identity-provider")).toList();
    /** A setting a process reads: {@code ${NAME}} or {@code ${NAME:default}} in its configuration. */
    private static final Pattern SETTING = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

    private final Map<String, Object> compose = yaml(DEPLOY.resolve("compose.yaml"));
    private final List<Map<String, Object>> manifests = kubernetes();

    @Test
    void everyServiceAndTheIdentityProviderRunInComposeOnTheirOwnPortsWithAHealthCheck() {
        Map<String, Object> services = map(compose, "services");
        for (String module : COMPOSED) {
            String name = Path.of(module).getFileName().toString();
            Map<String, Object> service = map(services, name);
            assertThat(service).as("%s in compose.yaml", name).isNotEmpty();
            assertThat(string(map(service, "environment"), "PORT")).as("%s's port in compose.yaml", name).isEqualTo(port(module));
            assertThat(map(service, "healthcheck")).as("%s's health check in compose.yaml", name).containsKey("test");
            String built = string(map(map(service, "build"), "args"), "MODULE");
            assertThat(ROOT.resolve(built).resolve("pom.xml")).as("the module %s's image is built from", name).exists();
        }
    }

    @Test
    void composeRunsKafkaInKraftModeAndMongoDbAsAReplicaSetTheServicesConnectTo() {
        Map<String, Object> services = map(compose, "services");
        assertThat(string(map(map(services, "kafka"), "environment"), "KAFKA_PROCESS_ROLES")).contains("broker", "controller");
        assertThat(services).doesNotContainKey("zookeeper");
        List<?> mongo = (List<?>) map(services, "mongodb").get("command");
        String replicaSet = (String) mongo.get(mongo.indexOf("--replSet") + 1);
        for (String service : WITH_KAFKA_AND_MONGODB) {
            Map<String, Object> environment = map(map(services, service), "environment");
            assertThat(string(environment, "MONGODB_URI")).as("%s's MongoDB", service).contains("replicaSet=" + replicaSet);
            assertThat(string(environment, "KAFKA_BOOTSTRAP_SERVERS")).as("%s's Kafka", service).isEqualTo("kafka:9092");
        }
    }

    @Test
    void composeGivesEachProcessOnlySettingsItReadsAndEachServiceItsAddressesAndSecrets() {
        Map<String, Object> services = map(compose, "services");
        for (String module : COMPOSED) {
            Set<String> given = map(map(services, Path.of(module).getFileName().toString()), "environment").keySet();
            assertThat(reads(module).keySet()).as("settings %s reads, against those compose.yaml gives it", module).containsAll(withoutSpring(given));
            if (!module.startsWith("infra/")) {
                assertThat(given).as("settings %s must be given, in compose.yaml", module).containsAll(mustBeGiven(module));
            }
        }
    }

    @Test
    void kubernetesRunsEveryServiceOnItsPortBehindAServiceWithProbesOnTheHealthGroups() {
        for (String service : SERVICES) {
            Map<String, Object> container = container(service);
            int port = Integer.parseInt(port(service));
            assertThat(((Map<?, ?>) ((List<?>) container.get("ports")).get(0)).get("containerPort")).as("%s's port", service).isEqualTo(port);
            assertThat(path(container, "startupProbe")).as("%s's startup probe", service).isEqualTo("/actuator/health/liveness");
            assertThat(path(container, "livenessProbe")).as("%s's liveness probe", service).isEqualTo("/actuator/health/liveness");
            assertThat(path(container, "readinessProbe")).as("%s's readiness probe", service).isEqualTo("/actuator/health/readiness");
            Map<String, Object> exposed = manifest("Service", service);
            Map<String, Object> selector = map(map(exposed, "spec"), "selector");
            assertThat(selector).as("%s's Service selects pods", service).isNotEmpty();
            assertThat(map(map(map(map(manifest("Deployment", service), "spec"), "template"), "metadata"), "labels"))
                    .as("%s's pods, against its Service's selector", service).containsAllEntriesOf(selector);
            assertThat(((Map<?, ?>) ((List<?>) map(exposed, "spec").get("ports")).get(0)).get("port")).as("%s's Service port", service).isEqualTo(port);
        }
    }

    @Test
    void kubernetesGivesEachServiceOnlySettingsItReadsAndItsAddressesAndSecrets() {
        Map<String, Object> shared = new LinkedHashMap<>(map(manifest("ConfigMap", "mentoring-platform"), "data"));
        Map<String, Object> secrets = map(manifest("Secret", "mentoring-secrets"), "stringData");
        shared.putAll(secrets);
        Set<String> readBySome = new LinkedHashSet<>();
        for (String service : SERVICES) {
            Map<String, Object> container = container(service);
            Set<String> given = new LinkedHashSet<>(shared.keySet());
            for (Object entry : (List<?>) container.get("env")) {
                Map<?, ?> variable = (Map<?, ?>) entry;
                given.add((String) variable.get("name"));
                if (variable.get("valueFrom") instanceof Map<?, ?> from && from.get("secretKeyRef") instanceof Map<?, ?> reference) {
                    assertThat(secrets).as("the secret %s's %s names", service, variable.get("name")).containsKey((String) reference.get("key"));
                }
                assertThat(reads(service)).as("settings %s reads, against those its Deployment names", service).containsKey((String) variable.get("name"));
            }
            readBySome.addAll(reads(service).keySet());
            assertThat(given).as("settings %s must be given, in the manifests", service).containsAll(mustBeGiven(service));
        }
        // each command service's master key reaches it under the one name it reads, PERSONAL_DATA_MASTER_KEY
        assertThat(readBySome).as("settings the services read, against those of the shared ConfigMap and Secret")
                .containsAll(shared.keySet().stream().filter(name -> !name.endsWith("_PERSONAL_DATA_MASTER_KEY")).toList());
    }

    @Test
    void kustomizationAppliesEveryManifest() throws IOException {
        Path folder = DEPLOY.resolve("kubernetes");
        Set<String> files;
        try (Stream<Path> listed = Files.list(folder)) {
            files = new LinkedHashSet<>(listed.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".yaml") && !name.equals("kustomization.yaml")).toList());
        }
        assertThat(yaml(folder.resolve("kustomization.yaml")).get("resources")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(String.class)).containsExactlyInAnyOrderElementsOf(files);
    }

    /** The settings a module reads, from its own configuration and that of the kits it is built on, with their defaults. */
    private static Map<String, String> reads(String module) {
        Map<String, String> settings = new HashMap<>();
        for (String part : withKits(module)) {
            Path resources = ROOT.resolve(part).resolve("src/main/resources");
            if (!Files.isDirectory(resources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(resources)) {
                files.filter(file -> file.toString().endsWith(".yml")).forEach(file -> {
                    Matcher setting = SETTING.matcher(read(file));
                    while (setting.find()) {
                        settings.putIfAbsent(setting.group(1), setting.group(2) == null ? "" : setting.group(2));
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return settings;
    }

    /**
     * Settings a service must be given wherever it runs: a default address on the same machine
     * means, in a container, the service itself; a secret's default is public.
     */
    private static Set<String> mustBeGiven(String module) {
        Set<String> needed = new LinkedHashSet<>();
        reads(module).forEach((name, fallback) -> {
            boolean local = fallback.contains("localhost") && !fallback.startsWith("$");
            if (local || name.endsWith("_SECRET") || name.endsWith("_KEY")) {
                needed.add(name);
            }
        });
        return needed;
    }

    /** The module and the kits it is built on; the event store's kit brings the service kit. */
    private static Set<String> withKits(String module) {
        Set<String> parts = new LinkedHashSet<>(List.of(module));
        for (String kit : List.of("infra/event-store-kit", "infra/service-kit")) {
            String name = Path.of(kit).getFileName().toString();
            if (parts.stream().anyMatch(part -> read(ROOT.resolve(part).resolve("pom.xml")).contains("<artifactId>" + name + "</artifactId>"))) {
                parts.add(kit);
            }
        }
        return parts;
    }

    private static Set<String> withoutSpring(Set<String> names) {
        return new LinkedHashSet<>(names.stream().filter(name -> !name.startsWith("SPRING_")).toList());
    }

    private static String port(String module) {
        String fallback = reads(module).get("PORT");
        assertThat(fallback).as("%s's port", module).isNotBlank();
        return fallback;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> container(String service) {
        Map<String, Object> pod = map(map(map(manifest("Deployment", service), "spec"), "template"), "spec");
        return (Map<String, Object>) ((List<?>) pod.get("containers")).get(0);
    }

    private static Object path(Map<String, Object> container, String probe) {
        return map(map(container, probe), "httpGet").get("path");
    }

    private Map<String, Object> manifest(String kind, String name) {
        return manifests.stream().filter(manifest -> kind.equals(manifest.get("kind")) && name.equals(map(manifest, "metadata").get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in infra/deploy/kubernetes"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> kubernetes() {
        List<Map<String, Object>> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(DEPLOY.resolve("kubernetes"))) {
            for (Path file : files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList()) {
                for (Object document : new Yaml().loadAll(read(file))) {
                    if (document instanceof Map<?, ?> manifest && manifest.containsKey("kind")) {
                        found.add((Map<String, Object>) manifest);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent == null ? null : parent.get(key);
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
    }

    private static String string(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value == null ? null : String.valueOf(value);
    }

    private static Map<String, Object> yaml(Path file) {
        return new Yaml().load(read(file));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path repositoryRoot() {
        Path folder = Path.of("").toAbsolutePath();
        while (folder != null && !Files.isDirectory(folder.resolve("infra/deploy"))) {
            folder = folder.getParent();
        }
        assertThat(folder).as("the repository's root, above " + Path.of("").toAbsolutePath()).isNotNull();
        return folder;
    }
}
