package uk.mentoring.eventstore.personaldata;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a command service keeps personal data sealed, under {@code mentoring.personal-data}.
 *
 * @param masterKey  AES-256 key (base64) that wraps every person's key in the database; a trust
 *                   gives each service its own from a secret store, never the demo default
 * @param keysKeptFor how long an instance keeps a person's key in memory: the longest an instance
 *                   that did not take a request to forget may still open that person's data
 */
@ConfigurationProperties("mentoring.personal-data")
public record PersonalDataProperties(String masterKey, Duration keysKeptFor) {

    public PersonalDataProperties {
        if (masterKey == null || masterKey.isBlank()) {
            throw new IllegalArgumentException("mentoring.personal-data.master-key is required: a base64 AES-256 key");
        }
        keysKeptFor = keysKeptFor == null ? Duration.ofSeconds(10) : keysKeptFor;
    }
}
