package uk.mentoring.stack;

import java.nio.file.Path;
import java.util.List;

/** The processes of the platform, each with its port on the local stack and where its jar is built. */
public enum Component {
    IDENTITY_PROVIDER("identity-provider", "infra/identity-provider", 9000, "-Xmx192m", List.of()),
    PAIRING_SERVICE("pairing-service", "pairing-service", 8081, "-Xmx256m", List.of("/api/schools", "/api/pairings", "/api/mentees")),
    MEETING_SERVICE("meeting-service", "meeting-service", 8082, "-Xmx256m", List.of("/api/meetings", "/api/observations")),
    REFLECTION_SERVICE("reflection-service", "reflection-service", 8083, "-Xmx256m", List.of("/api/reflections", "/api/development-targets")),
    ANALYTICS_SERVICE("analytics-service", "analytics-service", 8084, "-Xmx256m", List.of("/api/analytics", "/api/audit", "/api/admin")),
    GATEWAY("gateway", "gateway", 8080, "-Xmx192m", List.of());

    private final String artifact;
    private final String module;
    private final int defaultPort;
    private final String heap;
    private final List<String> apiPaths;

    Component(String artifact, String module, int defaultPort, String heap, List<String> apiPaths) {
        this.artifact = artifact;
        this.module = module;
        this.defaultPort = defaultPort;
        this.heap = heap;
        this.apiPaths = apiPaths;
    }

    /** The service that answers an API path, as the gateway's routes send it. */
    static Component answering(String path) {
        for (Component component : values()) {
            if (component.apiPaths.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/") || path.startsWith(prefix + "?"))) {
                return component;
            }
        }
        throw new IllegalArgumentException("no service answers " + path);
    }

    public String displayName() {
        return artifact;
    }

    int defaultPort() {
        return defaultPort;
    }

    String heap() {
        return heap;
    }

    Path jar(Path root) {
        return root.resolve(module).resolve("target").resolve(artifact + "-exec.jar");
    }

    /** The environment variable through which the gateway finds this service. */
    String urlVariable() {
        return name() + "_URL";
    }
}
