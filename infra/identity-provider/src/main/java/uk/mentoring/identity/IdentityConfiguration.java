package uk.mentoring.identity;

import java.io.IOException;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** Clients, users, the token's claims and the signing key. */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    private static final String DEMO_SECRET = "{noop}demo";
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

    /** One client per persona for scripts (client_credentials), and the gateway's browser sign-in. */
    @Bean
    RegisteredClientRepository clients(IdentityProperties identity) {
        List<RegisteredClient> clients = new ArrayList<>();
        TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(TOKEN_LIFETIME).build();
        identity.personas().forEach((name, persona) -> clients.add(RegisteredClient.withId(UUID.nameUUIDFromBytes(name.getBytes()).toString())
                .clientId(name)
                .clientSecret(DEMO_SECRET)
                .clientName(persona.displayName())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope("mentoring")
                .tokenSettings(tokens)
                .build()));
        identity.services().forEach((name, service) -> clients.add(RegisteredClient.withId(UUID.nameUUIDFromBytes(name.getBytes()).toString())
                .clientId(name)
                .clientSecret("{noop}" + service.clientSecret())
                .clientName(name)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope("mentoring")
                .tokenSettings(tokens)
                .build()));
        if (identity.browserClient() != null) {
            IdentityProperties.BrowserClient browser = identity.browserClient();
            clients.add(RegisteredClient.withId(UUID.nameUUIDFromBytes(browser.clientId().getBytes()).toString())
                    .clientId(browser.clientId())
                    .clientSecret("{noop}" + browser.clientSecret())
                    .clientName("Mentoring platform")
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                    .redirectUri(browser.redirectUri())
                    .scope(OidcScopes.OPENID)
                    .scope(OidcScopes.PROFILE)
                    .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                    .tokenSettings(tokens)
                    .build());
        }
        return new DemoClients(clients);
    }

    @Bean
    OAuth2AuthorizationService authorizations() {
        return new SignInAuthorizations();
    }

    @Bean
    UserDetailsService users(IdentityProperties identity) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        identity.personas().forEach((name, persona) -> users.createUser(User.withUsername(name)
                .password(DEMO_SECRET)
                .roles(persona.roles().toArray(String[]::new))
                .build()));
        return users;
    }

    /**
     * Puts the platform's claims into every access and ID token: who the person is, their roles
     * and the schools they belong to; access tokens are for the platform's audience only.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> platformClaims(IdentityProperties identity) {
        return context -> {
            boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
            IdentityProperties.ServiceClient service = identity.services().get(context.getPrincipal().getName());
            if (service != null && accessToken) {
                context.getClaims().claim("roles", service.roles()).audience(List.of(identity.audience()));
                return;
            }
            IdentityProperties.Persona persona = identity.personas().get(context.getPrincipal().getName());
            if (persona == null) {
                return;
            }
            boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
            if (accessToken || idToken) {
                context.getClaims()
                        .claim("person_id", persona.personId().toString())
                        .claim("roles", persona.roles())
                        .claim("school_ids", persona.schoolIds().stream().map(UUID::toString).toList())
                        .claim("name", persona.displayName());
            }
            if (accessToken) {
                context.getClaims().audience(List.of(identity.audience()));
            }
        };
    }

    /** The signing key, kept in a file so that a restart does not invalidate the tokens in use. */
    @Bean
    JWKSource<SecurityContext> signingKeys(IdentityProperties identity) throws IOException, ParseException, NoSuchAlgorithmException {
        RSAKey key;
        if (Files.exists(identity.keyFile())) {
            key = RSAKey.parse(Files.readString(identity.keyFile()));
        } else {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString())
                    .build();
            if (identity.keyFile().getParent() != null) {
                Files.createDirectories(identity.keyFile().getParent());
            }
            Files.writeString(identity.keyFile(), key.toJSONString());
            identity.keyFile().toFile().setReadable(false, false);
            identity.keyFile().toFile().setReadable(true, true);
        }
        return new ImmutableJWKSet<>(new JWKSet(key));
    }
}
