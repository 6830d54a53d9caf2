package uk.mentoring.gateway;

import java.time.Duration;

import io.netty.channel.ChannelOption;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.DefaultReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * While a person signs in, the gateway itself asks the identity provider for their tokens and
 * their profile. Those calls wait a bounded time: a provider that stops answering sends the
 * person back to sign in again, where without a bound their page would never finish loading.
 */
@Configuration(proxyBeanMethods = false)
class SignInCalls {

    private final WebClient identityProvider;

    SignInCalls(@Value("${mentoring.gateway.identity-provider.connect-timeout}") Duration connect,
                @Value("${mentoring.gateway.identity-provider.answer-timeout}") Duration answer) {
        HttpClient client = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(connect.toMillis()))
                .responseTimeout(answer);
        this.identityProvider = WebClient.builder().clientConnector(new ReactorClientHttpConnector(client)).build();
    }

    /** The code from the provider's redirect, exchanged for the person's tokens. */
    @Bean
    ReactiveOAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> codeExchange() {
        WebClientReactiveAuthorizationCodeTokenResponseClient exchange = new WebClientReactiveAuthorizationCodeTokenResponseClient();
        exchange.setWebClient(identityProvider);
        return exchange;
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
}
