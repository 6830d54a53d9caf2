package uk.mentoring.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

import uk.mentoring.testkit.SilentServer;

/**
 * A provider that accepts the connection and never answers: a service gives up on its keys within
 * its bound, and the caller hears 503 and when to try again, not 401 (the token may be good) and
 * not a request left waiting.
 */
class IdentityProviderOutageTest {

    private final SilentServer silentProvider = SilentServer.start();

    @AfterEach
    void close() {
        silentProvider.close();
    }

    @Test
    void the_providers_keys_are_given_up_on_within_the_bound_and_the_check_is_a_service_failure() {
        JwtDecoder decoder = asBootBuildsIt();
        JwtAuthenticationProvider tokens = new JwtAuthenticationProvider(decoder);

        long started = System.nanoTime();
        Throwable failure = catchThrowable(() -> tokens.authenticate(new BearerTokenAuthenticationToken(SIGNED_TOKEN)));
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(silentProvider.wasCalled()).as("the provider was asked").isTrue();
        assertThat(waited).as("given up by the service's own bound").isLessThan(Duration.ofSeconds(5));
        assertThat(failure).as("could not check, not refused").isInstanceOf(AuthenticationServiceException.class)
                .hasCauseInstanceOf(JwtException.class);
        assertThat(failure.getCause()).isNotInstanceOf(BadJwtException.class);
    }

    @Test
    void a_token_that_could_not_be_checked_hears_503_with_retry_after() throws IOException {
        MockHttpServletResponse response = new MockHttpServletResponse();

        new ProblemResponses().onAuthenticationFailure(new MockHttpServletRequest("GET", "/api/schools"), response,
                new AuthenticationServiceException("keys did not arrive", new JwtException("keys did not arrive")));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo(String.valueOf(ProblemResponses.RETRY_AFTER_SECONDS));
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"type\":\"/problems/identity-provider-unavailable\"").contains("try again");
    }

    @Test
    void a_token_found_wanting_still_hears_401() throws IOException {
        MockHttpServletResponse response = new MockHttpServletResponse();

        new ProblemResponses().onAuthenticationFailure(new MockHttpServletRequest("GET", "/api/schools"), response,
                new InvalidBearerTokenException("Jwt expired"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer");
    }

    /** As Boot builds a service's decoder from the issuer: found lazily, with the kit's customizer and wrapping applied. */
    private JwtDecoder asBootBuildsIt() {
        NimbusJwtDecoder.JwkSetUriJwtDecoderBuilder builder = NimbusJwtDecoder.withIssuerLocation(silentProvider.url());
        new ResourceServerSecurityAutoConfiguration().identityProviderKeys(Duration.ofSeconds(1), Duration.ofMillis(300)).customize(builder);
        return ResourceServerSecurityAutoConfiguration.uncheckedToldApart(new SupplierJwtDecoder(builder::build));
    }

    /** A well-formed RS256 JWT: checking it needs the provider's keys. */
    private static final String SIGNED_TOKEN = base64("{\"alg\":\"RS256\",\"kid\":\"k\"}") + "." + base64("{\"sub\":\"person\"}") + ".c2lnbmF0dXJl";

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
