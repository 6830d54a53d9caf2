package uk.mentoring.stack;

import java.nio.file.Path;

/** The processes of the platform, each with its port on the local stack and where its jar is built. */
public enum Component {
    IDENTITY_PROVIDER("identity-provider", "infra/identity-provider", 9000, "-Xmx192m"),
    PAIRING_SERVICE("pairing-service", "pairing-service", 8081, "-Xmx256m"),
    MEETING_SERVICE("meeting-service", "meeting-service", 8082, "-Xmx256m"),
    REFLECTION_SERVICE("reflection-service", "reflection-service", 8083, "-Xmx256m"),
    ANALYTICS_SERVICE("analytics-service", "analytics-service", 8084, "-Xmx256m"),
    GATEWAY("gateway", "gateway", 8080, "-Xmx192m");

    private final String artifact;
    private final String module;
    private final int defaultPort;
    private final String heap;

    Component(String artifact, String module, int defaultPort, String heap) {
        this.artifact = artifact;
        this.module = module;
        this.defaultPort = defaultPort;
        this.heap = heap;
    }

    String displayName() {
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
