package uk.mentoring.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The local stack's OpenID Connect issuer. Tokens carry the platform's claims: {@code person_id},
 * {@code roles} and {@code school_ids}. A trust's own identity provider (Microsoft Entra ID, say)
 * takes its place in production; see the README.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IdentityProviderApplication {

    public static void main(String[] args) {
        SpringApplication.run(IdentityProviderApplication.class, args);
    }
}
