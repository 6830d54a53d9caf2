package uk.mentoring.testkit;

import java.util.List;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Points every Spring test context at the shared test infrastructure, before the context starts:
 * the in-JVM broker, MongoDB and issuer, or the containers for classes marked {@link OnContainers}.
 */
class InfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        boolean containers = TestContextAnnotationUtils.hasAnnotation(testClass, OnContainers.class)
                || AnnotatedElementUtils.hasAnnotation(testClass, OnContainers.class);
        return new Customizer(containers);
    }

    /** Equal for equal infrastructure, so Spring reuses contexts across test classes. */
    private record Customizer(boolean containers) implements ContextCustomizer {
        @Override
        public void customizeContext(org.springframework.context.ConfigurableApplicationContext context,
                                     org.springframework.test.context.MergedContextConfiguration merged) {
            var sources = context.getEnvironment().getPropertySources();
            var infrastructure = containers
                    ? new MapPropertySource("test infrastructure", ContainerInfrastructure.properties())
                    : LazyInfrastructure.inJvm();
            // a test's own properties still win, e.g. to point one service at a broker that is down
            if (sources.contains(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME)) {
                sources.addAfter(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, infrastructure);
            } else {
                sources.addFirst(infrastructure);
            }
        }
    }
}
