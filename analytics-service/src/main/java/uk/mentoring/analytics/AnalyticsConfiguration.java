package uk.mentoring.analytics;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import uk.mentoring.analytics.progress.RiskThresholds;
import uk.mentoring.kit.domain.SchoolTime;

/** Risk thresholds are the trust's own, with the practice's defaults in application.yml. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RiskThresholds.class)
class AnalyticsConfiguration {

    @Bean
    Clock schoolClock() {
        return SchoolTime.clock();
    }
}
