package uk.mentoring.kit.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Adds the kits' {@code mentoring-defaults/*.yml} as the lowest-precedence configuration of every
 * service: where Kafka, MongoDB and the identity provider are found (overridable by environment
 * variables), what the actuator exposes, how strictly request bodies are read. A service's own
 * {@code application.yml}, its command line and the environment override any of it (Spring Boot
 * still moves {@code SpringApplication#setDefaultProperties} below these).
 */
public class ServiceDefaults implements EnvironmentPostProcessor {

    static final String RESOURCES = "classpath*:mentoring-defaults/*.yml";
    private static final String AXON_UPDATE_CHECK = "axoniq.update-checker.disabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // a trust's platform reports nothing about itself to third parties (Axon would, by default)
        if (System.getProperty(AXON_UPDATE_CHECK) == null) {
            System.setProperty(AXON_UPDATE_CHECK, "true");
        }
        try {
            Resource[] defaults = new PathMatchingResourcePatternResolver().getResources(RESOURCES);
            Arrays.sort(defaults, Comparator.comparing(Resource::getFilename));
            for (Resource resource : defaults) {
                new YamlPropertySourceLoader().load("defaults " + resource.getFilename(), resource)
                        .forEach(source -> environment.getPropertySources().addLast(source));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
