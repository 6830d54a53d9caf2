package uk.mentoring.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import uk.mentoring.testkit.SilentServer;

/** A provider that accepts the connection and never answers: each of the gateway's calls to it gives up within its bound. */
class IdentityProviderCallsTest {

    private static final Duration ANSWER = Duration.ofMillis(300);

    private final SilentServer silentProvider = SilentServer.start();
    private final IdentityProviderCalls calls = new IdentityProviderCalls(Duration.ofSeconds(1), ANSWER);

    @AfterEach
    void close() {
        silentProvider.close();
    }

    @Test
    void exchanging_the_code_for_tokens_gives_up_when_the_provider_does_not_answer() {
        OAuth2AuthorizationExchange exchange = new OAuth2AuthorizationExchange(
                OAuth2AuthorizationRequest.authorizationCode().authorizationUri(provider("/oauth2/authorize")).clientId("gateway")
                        .redirectUri("http://localhost/login/oauth2/code/gateway").state("state").build(),
                OAuth2AuthorizationResponse.success("code").redirectUri("http://localhost/login/oauth2/code/gateway").state("state").build());

        assertGivesUp(calls.codeExchange().getTokenResponse(new OAuth2AuthorizationCodeGrantRequest(registration(), exchange)));
    }

    @Test
    void reading_the_persons_profile_gives_up_when_the_provider_does_not_answer() {
        OAuth2AccessToken accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "token",
                Instant.now(), Instant.now().plusSeconds(60), Set.of("openid", "profile"));
        OidcIdToken idToken = new OidcIdToken("id-token", Instant.now(), Instant.now().plusSeconds(60),
                Map.of("sub", "person", "iss", provider("")));

        assertGivesUp(calls.signedInPeople().loadUser(new OidcUserRequest(registration(), accessToken, idToken)));
    }

    @Test
    void checking_the_persons_id_token_gives_up_when_the_provider_does_not_send_its_keys() {
        ReactiveJwtDecoder idTokens = calls.idTokens().createDecoder(registration());

        Throwable refusal = assertGivesUp(idTokens.decode(SIGNED_TOKEN));
        assertThat(refusal).as("a refused ID token: the person is sent back to sign in").isInstanceOf(JwtException.class);
    }

    @Test
    void renewing_a_sessions_token_gives_up_when_the_provider_does_not_answer() {
        OAuth2AccessToken expired = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "token",
                Instant.now().minusSeconds(120), Instant.now().minusSeconds(60), Set.of("openid"));

        assertGivesUp(calls.tokenRefresh().getTokenResponse(new OAuth2RefreshTokenGrantRequest(registration(), expired,
                new OAuth2RefreshToken("refresh", Instant.now().minusSeconds(120)))));
    }

    @Test
    void finding_the_keys_for_scripts_tokens_gives_up_when_the_provider_does_not_answer() {
        // as Boot builds the resource server's decoder from the issuer, with the gateway's customizer applied
        NimbusReactiveJwtDecoder.JwkSetUriReactiveJwtDecoderBuilder builder = NimbusReactiveJwtDecoder.withIssuerLocation(provider(""));
        calls.scriptTokenKeys().customize(builder);

        assertGivesUp(builder.build().decode(SIGNED_TOKEN));
    }

    private Throwable assertGivesUp(Mono<?> call) {
        long started = System.nanoTime();
        Throwable refusal = catchThrowable(() -> call.block(Duration.ofSeconds(10)));
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(refusal).as("the call ends with an error, not an answer").isNotNull();
        assertThat(waited).as("it ended by its own bound, well before the test's").isLessThan(Duration.ofSeconds(5));
        assertThat(silentProvider.wasCalled()).as("the call did reach the provider").isTrue();
        return refusal;
    }

    /** A well-formed RS256 JWT: checking it needs the provider's keys. */
    private static final String SIGNED_TOKEN = base64("{\"alg\":\"RS256\",\"kid\":\"k\"}") + "." + base64("{\"sub\":\"person\"}") + ".c2lnbmF0dXJl";

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private ClientRegistration registration() {
        return ClientRegistration.withRegistrationId("gateway").clientId("gateway").clientSecret("demo")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("http://localhost/login/oauth2/code/gateway").scope("openid", "profile")
                .authorizationUri(provider("/oauth2/authorize")).tokenUri(provider("/oauth2/token"))
                .jwkSetUri(provider("/oauth2/jwks")).userInfoUri(provider("/userinfo")).userNameAttributeName("sub")
                .build();
    }

    private String provider(String path) {
        return silentProvider.url() + path;
    }
}
