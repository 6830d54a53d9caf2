package uk.mentoring.meeting.diary;

import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.SimpleDeadlineManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import uk.mentoring.kit.pairings.PairingDirectory;
import uk.mentoring.kit.pairings.PairingDirectory.KnownPairing;

/**
 * Axon's deadlines, kept in memory; {@link MissedMeetingWatch} sets them again from the event
 * store when the service starts, so a restart loses none.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineConfiguration {

    @Bean(destroyMethod = "shutdown")
    DeadlineManager deadlineManager(org.axonframework.config.Configuration axon) {
        return SimpleDeadlineManager.builder().scopeAwareProvider(new ConfigurationScopeAwareProvider(axon)).build();
    }

    /** The diary learns of a pairing's end from the pairing topic, through the directory every service keeps. */
    @Bean
    PairingEnds pairingEnds(PairingDirectory pairings) {
        return pairingId -> pairings.find(pairingId).flatMap(KnownPairing::endedOn);
    }
}
