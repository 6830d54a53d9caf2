package uk.mentoring.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.test.context.ActiveProfiles;

/** Scripts get real tokens with the platform's claims; a wrong secret gets none. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mentoring.identity.key-file=target/test-signing-key.json", "IDENTITY_ISSUER_URI=http://localhost:9000"})
@ActiveProfiles("local")
class DemoTokensTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    OAuth2AuthorizationService authorizations;

    @Test
    void a_school_lead_gets_a_token_naming_them_their_role_and_their_school() throws Exception {
        HttpResponse<String> answer = token("school-lead-1", "demo");

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode claims = claims(JSON.readTree(answer.body()).path("access_token").asText());
        assertThat(claims.path("person_id").asText()).isEqualTo("2c9e7d41-6a8b-4f3c-9d2e-0b1a2c3d4e5f");
        assertThat(claims.path("roles").toString()).isEqualTo("[\"SCHOOL_LEAD\"]");
        assertThat(claims.path("school_ids").toString()).isEqualTo("[\"5f0c8f38-6f0e-4c2b-9d8f-3a1c0c4f2b10\"]");
        assertThat(claims.path("aud").toString()).contains("mentoring-platform");
        assertThat(claims.path("iss").asText()).isEqualTo("http://localhost:9000");
    }

    @Test
    void every_demo_persona_gets_a_token() throws Exception {
        for (String persona : new String[] {"trust-lead", "school-lead-1", "school-lead-2", "mentor-1", "mentee-1", "auditor"}) {
            assertThat(token(persona, "demo").statusCode()).as(persona).isEqualTo(200);
        }
    }

    @Test
    void a_token_handed_to_a_script_is_not_kept_by_the_provider() throws Exception {
        String token = JSON.readTree(token("trust-lead", "demo").body()).path("access_token").asText();

        assertThat(claims(token).path("roles").toString()).contains("TRUST_LEAD");
        assertThat(authorizations.findByToken(token, OAuth2TokenType.ACCESS_TOKEN)).as("no record that grows with every token").isNull();
    }

    @Test
    void a_wrong_secret_gets_no_token() throws Exception {
        assertThat(token("trust-lead", "not-the-secret").statusCode()).isEqualTo(401);
    }

    @Test
    void reports_healthy_to_anyone() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"");
    }

    @Test
    void publishes_its_openid_configuration_and_keys() throws Exception {
        HttpResponse<String> discovery = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(discovery.body()).path("jwks_uri").asText()).endsWith("/oauth2/jwks");
    }

    private HttpResponse<String> token(String client, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode claims(String jwt) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }
}
