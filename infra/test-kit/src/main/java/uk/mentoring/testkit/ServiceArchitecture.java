package uk.mentoring.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.List;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The shape every service keeps, checked by the build: its domain code knows nothing of HTTP or
 * Kafka, and no service reaches into another's code (they meet only through events and the API).
 */
public final class ServiceArchitecture {

    private static final List<String> SERVICES = List.of("pairing", "meeting", "reflection", "analytics", "gateway");

    private ServiceArchitecture() {
    }

    /** Web adapters live in {@code ..api..} packages; everything else of a service is domain. */
    public static ArchRule domainIsFreeOfWebAndMessaging(String service) {
        return noClasses().that().resideInAPackage("uk.mentoring." + service + "..")
                .and().resideOutsideOfPackages("..api..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..",
                        "org.apache.kafka..", "org.springframework.kafka..", "io.cloudevents..")
                .because("the rules of the mentoring practice must read the same whatever carries the requests and events");
    }

    public static ArchRule staysInItsOwnService(String service) {
        return noClasses().that().resideInAPackage("uk.mentoring." + service + "..")
                .should().dependOnClassesThat().resideInAnyPackage(SERVICES.stream()
                        .filter(other -> !other.equals(service))
                        .map(other -> "uk.mentoring." + other + "..")
                        .toArray(String[]::new))
                .because("services share only the published language and the kits, never each other's code");
    }
}
