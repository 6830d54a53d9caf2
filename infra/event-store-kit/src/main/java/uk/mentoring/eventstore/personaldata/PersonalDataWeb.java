package uk.mentoring.eventstore.personaldata;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import uk.mentoring.kit.consuming.EventSubscriber;

/** What other services see of a command service's sealed personal data: openings on request, forgetting when told. */
@Configuration(proxyBeanMethods = false)
public class PersonalDataWeb {

    @Bean
    PersonalDataController personalDataController(PersonalDataCipher cipher) {
        return new PersonalDataController(cipher);
    }

    @Bean
    EventSubscriber forgetWhenTold(PersonalDataKeys keys) {
        return new ForgetWhenTold(keys);
    }
}
