package uk.mentoring.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import reactor.core.publisher.Mono;

/** A provider that accepts the connection and never answers: each sign-in call gives up within its bound. */
class SignInCallsTest {

    private static final Duration ANSWER = Duration.ofMillis(300);

    private ServerSocket silentProvider;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final SignInCalls calls = new SignInCalls(Duration.ofSeconds(1), ANSWER);

    @BeforeEach
    void listen() throws IOException {
        silentProvider = new ServerSocket(0);
        Thread acceptor = new Thread(() -> {
            while (!silentProvider.isClosed()) {
                try {
                    held.add(silentProvider.accept());
                } catch (IOException closed) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void close() throws IOException {
        silentProvider.close();
        for (Socket socket : held) {
            socket.close();
        }
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

    private void assertGivesUp(Mono<?> call) {
        long started = System.nanoTime();
        Throwable refusal = catchThrowable(() -> call.block(Duration.ofSeconds(10)));
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(refusal).as("the call ends with an error, not an answer").isNotNull();
        assertThat(waited).as("it ended by its own bound, well before the test's").isLessThan(Duration.ofSeconds(5));
        assertThat(held).as("the call did reach the provider").isNotEmpty();
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
        return "http://localhost:" + silentProvider.getLocalPort() + path;
    }
}
