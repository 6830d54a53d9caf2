package uk.mentoring.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.mentoring.testkit.TestApi;
import uk.mentoring.testkit.TestIdentityProvider.Person;
import uk.mentoring.testkit.TestInfrastructure;

/**
 * The gateway in front of a stand-in service that records what reaches it: tokens are checked
 * before anything is forwarded, and forwarded requests keep the caller's token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayTest {

    static final List<String> received = new CopyOnWriteArrayList<>();
    static final HttpServer service = standInService();

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        String url = "http://localhost:" + service.getAddress().getPort();
        for (String name : List.of("PAIRING", "MEETING", "REFLECTION", "ANALYTICS")) {
            registry.add(name + "_SERVICE_URL", () -> url);
        }
    }

    @LocalServerPort
    int port;

    @BeforeEach
    void forget() {
        received.clear();
    }

    @AfterAll
    static void stop() {
        service.stop(0);
    }

    @Test
    void a_request_without_a_token_gets_401_as_problem_json_and_reaches_no_service() {
        TestApi.Answer answer = TestApi.at(port).get("/api/analytics/trust");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.header("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        assertThat(received).isEmpty();
    }

    @Test
    void expired_forged_foreign_and_misaddressed_tokens_get_401() {
        var issuer = TestInfrastructure.identityProvider();
        Person lead = Person.trustLead();
        for (String token : List.of(issuer.expiredToken(lead), issuer.forgedToken(lead), issuer.tokenFromAnotherIssuer(lead),
                issuer.tokenForAnotherAudience(lead), "not-a-jwt")) {
            assertThat(TestApi.at(port).withToken(token).get("/api/analytics/trust").status()).isEqualTo(401);
        }
        assertThat(received).isEmpty();
    }

    @Test
    void a_valid_token_is_routed_to_the_service_with_the_token_kept() {
        TestApi.Answer answer = TestApi.at(port).as(Person.trustLead()).get("/api/analytics/trust");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(received).singleElement().satisfies(request -> {
            assertThat(request).startsWith("GET /api/analytics/trust");
            assertThat(request).contains("Bearer ey");
        });
    }

    @Test
    void each_path_goes_to_its_service() {
        TestApi api = TestApi.at(port).as(Person.trustLead());
        for (String path : List.of("/api/schools", "/api/pairings", "/api/meetings", "/api/observations", "/api/reflections",
                "/api/development-targets", "/api/analytics/trust")) {
            assertThat(api.get(path).status()).as(path).isEqualTo(200);
        }
        assertThat(api.get("/api/nothing-here").status()).isEqualTo(404);
    }

    @Test
    void a_school_lead_onboards_only_into_their_own_school() {
        UUID mine = UUID.randomUUID();
        UUID theirs = UUID.randomUUID();
        TestApi lead = TestApi.at(port).as(Person.schoolLead(mine));

        TestApi.Answer elsewhere = lead.post("/api/schools/" + theirs + "/mentors", Map.of("displayName", "X", "email", "x@example.org"));
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.isProblem()).isTrue();
        assertThat(received).isEmpty();

        assertThat(lead.post("/api/schools/" + mine + "/mentors", Map.of("displayName", "X", "email", "x@example.org")).status()).isEqualTo(200);
        assertThat(received).hasSize(1);
    }

    @Test
    void reports_healthy_without_a_token() {
        assertThat(TestApi.at(port).get("/actuator/health").json().path("status").asText()).isEqualTo("UP");
    }

    private static HttpServer standInService() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/", exchange -> {
                received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
                byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
