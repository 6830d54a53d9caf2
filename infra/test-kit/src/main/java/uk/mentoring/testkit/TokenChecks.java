package uk.mentoring.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import uk.mentoring.kit.security.RememberedTokens;

import uk.mentoring.testkit.TestIdentityProvider.Person;

/**
 * What every service does with a token that is not good, even when called directly, bypassing
 * the gateway: 401 as problem+json. A service's test extends this and names a path to call.
 */
public abstract class TokenChecks {

    @Autowired
    JwtDecoder decoder;

    /** The port the service under test listens on. */
    protected abstract int port();

    /** A path of the service that needs a token. */
    protected abstract String protectedPath();

    @Test
    void a_missing_expired_forged_foreign_or_misaddressed_token_gets_401() {
        TestIdentityProvider issuer = TestInfrastructure.identityProvider();
        Person trustLead = Person.trustLead();
        TestApi api = TestApi.at(port());

        assertThat(api.get(protectedPath()).status()).as("no token").isEqualTo(401);
        for (String token : List.of(issuer.expiredToken(trustLead), issuer.forgedToken(trustLead), issuer.tokenFromAnotherIssuer(trustLead),
                issuer.tokenForAnotherAudience(trustLead), "not-a-token")) {
            TestApi.Answer answer = api.withToken(token).get(protectedPath());
            assertThat(answer.status()).as(token.length() > 20 ? token.substring(0, 20) + "..." : token).isEqualTo(401);
            assertThat(answer.isProblem()).isTrue();
            assertThat(answer.header("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        }
        assertThat(api.as(trustLead).get(protectedPath()).status()).as("a good token").isNotEqualTo(401);
        assertThat(api.withToken(issuer.forgedToken(trustLead)).get(protectedPath()).status()).as("forged, after a good one was remembered")
                .isEqualTo(401);
    }

    @Test
    void tokens_are_validated_once_and_then_remembered_until_they_expire() {
        assertThat(decoder).isInstanceOf(RememberedTokens.class);
    }
}
