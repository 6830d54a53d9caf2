package uk.mentoring.gateway;

import java.time.Duration;

import io.netty.channel.ChannelOption;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.JwkSetUriReactiveJwtDecoderBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.ReactiveOidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.userinfo.DefaultReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoderFactory;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Every call the gateway itself makes to the identity provider waits a bounded time: exchanging a
 * person's sign-in code for tokens, reading their profile, fetching the keys that check their ID
 * token, refreshing a session's token, and finding the provider's keys for scripts' tokens.
 * Without a bound, a provider that accepts a connection and never answers leaves the person's page,
 * or every script's request, waiting for ever; with one, the person is sent back to sign in and a
 * script hears 503 and when to try again, and the next request asks again.
 */
@Configuration(proxyBeanMethods = false)
class IdentityProviderCalls {

    private final WebClient identityProvider;
    private final Duration answer;

    IdentityProviderCalls(@Value("${mentoring.gateway.identity-provider.connect-timeout}") Duration connect,
                          @Value("${mentoring.gateway.identity-provider.answer-timeout}") Duration answer) {
        HttpClient client = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(connect.toMillis()))
                .responseTimeout(answer);
        this.identityProvider = WebClient.builder().clientConnector(new ReactorClientHttpConnector(client)).build();
        this.answer = answer;
    }

    /** The code from the provider's redirect, exchanged for the person's tokens. */
    @Bean
    ReactiveOAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> codeExchange() {
        WebClientReactiveAuthorizationCodeTokenResponseClient exchange = new WebClientReactiveAuthorizationCodeTokenResponseClient();
        exchange.setWebClient(identityProvider);
        return exchange;
    }

    /** A signed-in person's token, renewed with their refresh token when it runs out. */
    @Bean
    ReactiveOAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> tokenRefresh() {
        WebClientReactiveRefreshTokenTokenResponseClient refresh = new WebClientReactiveRefreshTokenTokenResponseClient();
        refresh.setWebClient(identityProvider);
        return refresh;
    }

    /** The person's profile, read from the provider's user-info endpoint. */
    @Bean
    ReactiveOAuth2UserService<OidcUserRequest, OidcUser> signedInPeople() {
        DefaultReactiveOAuth2UserService profiles = new DefaultReactiveOAuth2UserService();
        profiles.setWebClient(identityProvider);
        OidcReactiveOAuth2UserService people = new OidcReactiveOAuth2UserService();
        people.setOauth2UserService(profiles);
        return people;
    }

    /**
     * The person's ID token, checked as Spring Security checks it. Its decoder fetches the
     * provider's keys with a client of its own that cannot be given a bound, so the whole check is
     * bounded instead; a check that runs out is a refused ID token, and the person signs in again.
     */
    @Bean
    ReactiveJwtDecoderFactory<ClientRegistration> idTokens() {
        ReactiveOidcIdTokenDecoderFactory standard = new ReactiveOidcIdTokenDecoderFactory();
        return registration -> {
            ReactiveJwtDecoder decoder = standard.createDecoder(registration);
            return token -> decoder.decode(token).timeout(answer, Mono.error(() ->
                    new BadJwtException("The identity provider's keys did not arrive within " + answer.toMillis() + " ms")));
        };
    }

    /** Scripts' tokens: the provider's configuration and keys, found through the bounded client. */
    @Bean
    JwkSetUriReactiveJwtDecoderBuilderCustomizer scriptTokenKeys() {
        return builder -> builder.webClient(identityProvider);
    }
}
