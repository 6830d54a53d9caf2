package uk.mentoring.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.mentoring.testkit.SilentServer;
import uk.mentoring.testkit.TestApi;
import uk.mentoring.testkit.TestIdentityProvider.Person;

/**
 * The identity provider accepts connections and never answers, so the gateway cannot fetch the
 * keys that check a script's token. The token may be perfectly good: the script hears 503 and when
 * to try again, not 401 (which would tell it to throw its token away) nor a bare 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdentityProviderDownTest {

    static final SilentServer silentProvider = SilentServer.start();

    @DynamicPropertySource
    static void providerThatDoesNotAnswer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", silentProvider::url);
        registry.add("mentoring.gateway.identity-provider.answer-timeout", () -> "500ms");
    }

    @AfterAll
    static void close() {
        silentProvider.close();
    }

    @LocalServerPort
    int port;

    @Test
    void a_script_whose_token_cannot_be_checked_hears_503_with_retry_after() {
        TestApi.Answer answer = TestApi.at(port).as(Person.trustLead()).get("/api/analytics/trust");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json().path("type").asText()).isEqualTo("/problems/identity-provider-unavailable");
        assertThat(answer.json().path("detail").asText()).contains("identity provider").contains("try again");
        assertThat(answer.header("Retry-After")).isPresent();
        assertThat(silentProvider.wasCalled()).as("the gateway did ask the provider").isTrue();
    }

    @Test
    void a_request_without_a_token_still_hears_401() {
        TestApi.Answer answer = TestApi.at(port).get("/api/analytics/trust");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.isProblem()).isTrue();
    }
}
