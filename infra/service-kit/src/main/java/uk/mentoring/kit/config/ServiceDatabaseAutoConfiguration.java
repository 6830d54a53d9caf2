package uk.mentoring.kit.config;

import java.time.Clock;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

import uk.mentoring.kit.correlation.CorrelationIdFilter;
import uk.mentoring.kit.idempotency.IdempotencyFilter;
import uk.mentoring.kit.web.RequestSizeLimit;
import uk.mentoring.kit.web.ProblemHandlingAdvice;

/** The service's own MongoDB database (no service reads another's), and problem+json errors. */
@AutoConfiguration(after = MongoAutoConfiguration.class,
        beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
public class ServiceDatabaseAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MongoDatabase serviceDatabase(MongoClient client, MongoProperties properties) {
        return client.getDatabase(properties.getMongoClientDatabase());
    }

    /** Takes the place of Spring Boot's MongoDB health contributor. */
    @Bean
    DatabaseHealthIndicator mongoHealthContributor(MongoDatabase serviceDatabase) {
        return new DatabaseHealthIndicator(serviceDatabase);
    }

    /** First of all, so even a refused request can be followed in the logs. */
    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Refuses bodies beyond the limit before anything reads them. */
    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(@Value("${mentoring.web.max-request-bytes:1048576}") long maxBytes) {
        FilterRegistrationBean<RequestSizeLimit> registration = new FilterRegistrationBean<>(new RequestSizeLimit(maxBytes));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** After Spring Security, so a key belongs to the authenticated caller who sent it. */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(MongoDatabase serviceDatabase) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(new IdempotencyFilter(serviceDatabase, Clock.systemUTC()));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemHandlingAdvice problemHandlingAdvice() {
        return new ProblemHandlingAdvice();
    }
}
