package uk.mentoring.analytics.personaldata;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RevealProperties.class)
class PersonalDataConfiguration {

    @Bean
    SealedValueOwners sealedValueOwners(RevealProperties properties) {
        return new SealedValueOwners(properties, Clock.systemUTC());
    }
}
