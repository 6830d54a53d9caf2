package uk.mentoring.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small but real OpenID Connect issuer for tests: it publishes its discovery document and its
 * signing keys over HTTP, and signs tokens with the platform's claims. Services find and check
 * it exactly as they find and check the trust's identity provider in production.
 */
public final class TestIdentityProvider implements AutoCloseable {

    public static final String AUDIENCE = "mentoring-platform";

    private final HttpServer server;
    private final RSAKey signingKey;
    private final RSAKey strangerKey;

    private TestIdentityProvider(HttpServer server, RSAKey signingKey, RSAKey strangerKey) {
        this.server = server;
        this.signingKey = signingKey;
        this.strangerKey = strangerKey;
    }

    static TestIdentityProvider start() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
            RSAKey stranger = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            TestIdentityProvider provider = new TestIdentityProvider(server, key, stranger);
            server.createContext("/.well-known/openid-configuration", exchange -> provider.respond(exchange, provider.discovery()));
            server.createContext("/oauth2/jwks", exchange -> provider.respond(exchange, new JWKSet(key.toPublicJWK()).toString()));
            server.start();
            return provider;
        } catch (IOException | JOSEException e) {
            throw new IllegalStateException("could not start the test identity provider", e);
        }
    }

    public String issuer() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** A token as the identity provider would issue it to this person. */
    public String token(Person person) {
        return sign(claims(person, issuer(), Instant.now().plus(Duration.ofMinutes(30)), AUDIENCE), signingKey);
    }

    public String expiredToken(Person person) {
        return sign(claims(person, issuer(), Instant.now().minus(Duration.ofMinutes(5)), AUDIENCE), signingKey);
    }

    /** Same claims, same key id, but signed by a key the issuer never published. */
    public String forgedToken(Person person) {
        return sign(claims(person, issuer(), Instant.now().plus(Duration.ofMinutes(30)), AUDIENCE), strangerKey);
    }

    public String tokenFromAnotherIssuer(Person person) {
        return sign(claims(person, "https://login.example.net/other-tenant", Instant.now().plus(Duration.ofMinutes(30)), AUDIENCE), signingKey);
    }

    public String tokenForAnotherAudience(Person person) {
        return sign(claims(person, issuer(), Instant.now().plus(Duration.ofMinutes(30)), "another-application"), signingKey);
    }

    private JWTClaimsSet claims(Person person, String issuer, Instant expiry, String audience) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(person.subject())
                .audience(audience)
                .issueTime(Date.from(expiry.minus(Duration.ofMinutes(30))))
                .notBeforeTime(Date.from(expiry.minus(Duration.ofMinutes(30))))
                .expirationTime(Date.from(expiry))
                .jwtID(UUID.randomUUID().toString())
                .claim("person_id", person.personId().toString())
                .claim("roles", person.roles())
                .claim("school_ids", person.schoolIds().stream().map(UUID::toString).toList())
                .build();
    }

    private static String sign(JWTClaimsSet claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private String discovery() {
        String issuer = issuer();
        return "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/oauth2/jwks\","
                + "\"authorization_endpoint\":\"" + issuer + "/oauth2/authorize\",\"token_endpoint\":\"" + issuer + "/oauth2/token\","
                + "\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],"
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
    }

    private void respond(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** Someone with a token: who they are, their roles and the schools they lead. */
    public record Person(String subject, UUID personId, List<String> roles, List<UUID> schoolIds) {

        public static Person trustLead() {
            return new Person("trust-lead", UUID.randomUUID(), List.of("TRUST_LEAD"), List.of());
        }

        public static Person schoolLead(UUID... schools) {
            return new Person("school-lead", UUID.randomUUID(), List.of("SCHOOL_LEAD"), List.of(schools));
        }

        public static Person mentor(UUID personId, UUID school) {
            return new Person("mentor", personId, List.of("MENTOR"), List.of(school));
        }

        public static Person mentee(UUID personId, UUID school) {
            return new Person("mentee", personId, List.of("MENTEE"), List.of(school));
        }

        public static Person auditor() {
            return new Person("auditor", UUID.randomUUID(), List.of("AUDITOR"), List.of());
        }

        public static Person withRoles(Collection<String> roles, UUID... schools) {
            return new Person("someone", UUID.randomUUID(), List.copyOf(roles), List.of(schools));
        }

        public Map<String, Object> asMap() {
            return Map.of("subject", subject, "personId", personId, "roles", roles, "schoolIds", schoolIds);
        }
    }
}
