package uk.mentoring.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.server.ServerWebExchangeDecorator;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

import uk.mentoring.testkit.TestApi;
import uk.mentoring.testkit.TestIdentityProvider.Person;
import uk.mentoring.testkit.TestInfrastructure;

/**
 * The gateway in front of a stand-in service that records what reaches it: tokens are checked
 * before anything is forwarded, and forwarded requests keep the caller's token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mentoring.gateway.rate-limit.requests-per-second=5", "mentoring.gateway.rate-limit.burst=20",
                "mentoring.gateway.max-request-bytes=2048"})
class GatewayTest {

    static final int PEOPLE_AT_ONCE = 60;
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

    @Autowired
    ReactiveJwtDecoder decoder;

    @BeforeEach
    void forget() {
        received.clear();
    }

    @AfterAll
    static void stop() {
        service.stop(0);
    }

    @Test
    void tokens_are_validated_once_and_then_remembered_until_they_expire() {
        assertThat(decoder).isInstanceOf(RememberedTokens.class);
    }

    @Test
    void a_request_without_a_token_gets_401_as_problem_json_and_reaches_no_service() {
        TestApi.Answer answer = TestApi.at(port).get("/api/analytics/trust");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.header("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        assertThat(answer.json().path("type").asText()).isEqualTo("/problems/unauthenticated");
        assertThat(answer.json().path("detail").asText()).contains("needs a valid bearer token");
        assertThat(answer.json().path("instance").asText()).isEqualTo("/api/analytics/trust");
        assertThat(received).isEmpty();
    }

    @Test
    void expired_forged_foreign_and_misaddressed_tokens_get_401() {
        var issuer = TestInfrastructure.identityProvider();
        Person lead = Person.trustLead();
        for (String token : List.of(issuer.expiredToken(lead), issuer.forgedToken(lead), issuer.tokenFromAnotherIssuer(lead),
                issuer.tokenForAnotherAudience(lead), "not-a-jwt")) {
            TestApi.Answer answer = TestApi.at(port).withToken(token).get("/api/analytics/trust");
            assertThat(answer.status()).isEqualTo(401);
            // what was wrong is said in the header, for clients, and in the problem, for the person reading it
            assertThat(answer.header("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).contains("error=\"invalid_token\""));
            assertThat(answer.json().path("detail").asText()).as(answer.body()).startsWith("The bearer token was refused: ");
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
        TestApi.Answer nowhere = api.get("/api/nothing-here");
        assertThat(nowhere.status()).isEqualTo(404);
        assertThat(nowhere.isProblem()).as(nowhere.toString()).isTrue();
        assertThat(nowhere.json().path("type").asText()).isEqualTo("/problems/not-found");
        assertThat(nowhere.json().path("detail").asText()).isEqualTo("Nothing on the platform answers /api/nothing-here; the README lists the API's paths.");
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
        assertThat(lead.post("/api/schools/" + mine.toString().toUpperCase() + "/mentors", Map.of("displayName", "X", "email", "x@example.org"))
                .status()).as("the same school, its id in capitals").isEqualTo(200);
        assertThat(received).hasSize(2);
    }

    @Test
    void a_claim_sent_as_one_string_of_values_reads_as_the_services_read_it() {
        assertThat(ClaimNames.values(" 0c6b1f0e-0000-4000-8000-000000000001, 0c6b1f0e-0000-4000-8000-000000000002 "))
                .containsExactly("0c6b1f0e-0000-4000-8000-000000000001", "0c6b1f0e-0000-4000-8000-000000000002");
        assertThat(ClaimNames.roles("school_lead mentor")).containsExactly("SCHOOL_LEAD", "MENTOR");
        assertThat(ClaimNames.values(java.util.List.of("A", "B"))).containsExactly("A", "B");
        assertThat(ClaimNames.values(42)).isEmpty();
    }

    @Test
    void every_request_carries_a_correlation_id_to_the_service_and_back() {
        TestApi.Answer own = TestApi.at(port).as(Person.trustLead()).withHeader("X-Correlation-Id", "term-report-42").get("/api/analytics/trust");
        assertThat(own.headers().get("X-Correlation-Id")).as("the id, once, though the service echoes it too").containsExactly("term-report-42");
        assertThat(received).last().asString().contains("correlation=term-report-42");

        TestApi.Answer made = TestApi.at(port).as(Person.trustLead()).get("/api/analytics/trust");
        assertThat(made.header("X-Correlation-Id")).hasValueSatisfying(id -> assertThat(id).hasSize(36));
        assertThat(received).last().asString().endsWith("correlation=" + made.header("X-Correlation-Id").orElseThrow());

        TestApi.Answer replaced = TestApi.at(port).as(Person.trustLead()).withHeader("X-Correlation-Id", "<script> and more").get("/api/analytics/trust");
        assertThat(replaced.header("X-Correlation-Id")).hasValueSatisfying(id -> assertThat(id).hasSize(36));
        assertThat(received).last().asString().endsWith("correlation=" + replaced.header("X-Correlation-Id").orElseThrow())
                .doesNotContain("script");
    }

    @Test
    void a_caller_who_sends_too_many_requests_hears_when_to_come_back() {
        TestApi busy = TestApi.at(port).as(Person.withRoles(List.of("TRUST_LEAD")));
        int refused = 0;
        String retryAfter = null;
        for (int i = 0; i < 40; i++) {
            TestApi.Answer answer = busy.get("/api/analytics/trust");
            if (answer.status() == 429) {
                refused++;
                retryAfter = answer.header("Retry-After").orElseThrow();
                assertThat(answer.isProblem()).isTrue();
            }
        }
        assertThat(refused).isPositive();
        assertThat(Integer.parseInt(retryAfter)).isPositive();
        assertThat(TestApi.at(port).as(Person.auditor()).get("/api/analytics/trust").status()).as("others are not held up").isEqualTo(200);
    }

    @Test
    void many_people_at_once_all_reach_a_healthy_service() throws Exception {
        ExecutorService people = Executors.newFixedThreadPool(PEOPLE_AT_ONCE);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < PEOPLE_AT_ONCE; i++) {
                TestApi person = TestApi.at(port).as(new Person("teacher-" + i, UUID.randomUUID(), List.of("MENTOR"), List.of()));
                answers.add(people.submit(() -> person.get("/api/analytics/slowly").status()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS)).as("nobody is told the service is unavailable").isEqualTo(200);
            }
        } finally {
            people.shutdownNow();
        }
        assertThat(received).hasSize(PEOPLE_AT_ONCE);
    }

    @Test
    void a_body_over_the_limit_is_refused_before_it_reaches_a_service() {
        TestApi.Answer answer = TestApi.at(port).as(Person.trustLead()).post("/api/schools", "x".repeat(4096));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.isProblem()).isTrue();
        assertThat(received).isEmpty();
    }

    @Test
    void a_body_sent_in_chunks_is_refused_once_over_the_limit_and_forwarded_whole_within_it() {
        TestApi lead = TestApi.at(port).as(Person.trustLead());

        TestApi.Answer tooLarge = lead.postInChunks("/api/schools", "application/json", "x".repeat(4096).getBytes(StandardCharsets.UTF_8));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.isProblem()).isTrue();
        assertThat(received).isEmpty();

        TestApi.Answer within = lead.postInChunks("/api/schools", "application/json", "y".repeat(1500).getBytes(StandardCharsets.UTF_8));
        assertThat(within.status()).isEqualTo(200);
        assertThat(received).singleElement().asString().startsWith("POST /api/schools").contains("body=1500 ");
    }

    @Test
    void answers_carry_security_headers() {
        TestApi.Answer answer = TestApi.at(port).as(Person.trustLead()).get("/api/analytics/trust");
        assertThat(answer.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(answer.header("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy).contains("frame-ancestors 'none'"));
        assertThat(answer.header("Referrer-Policy")).contains("no-referrer");
    }

    @Test
    void a_browser_without_a_session_is_sent_to_sign_in_and_an_api_call_is_not() {
        TestApi.Answer page = TestApi.at(port).get("/");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/oauth2/authorization/gateway"));
        assertThat(TestApi.at(port).get("/api/analytics/trust").status()).isEqualTo(401);
        // the icon a browser fetches beside the page must not start a sign-in of its own, racing the page's
        TestApi.Answer icon = TestApi.at(port).get("/favicon.ico");
        assertThat(icon.status()).as("there is no icon; it is simply not found").isEqualTo(404);
        assertThat(icon.header("Set-Cookie")).as("no session is started for it").isEmpty();
    }

    @Test
    void a_script_with_a_bearer_token_has_no_session_made_for_it_and_a_browser_does() {
        SessionsAsked.paths.clear();
        TestApi script = TestApi.at(port).as(Person.trustLead());
        assertThat(script.get("/api/analytics/trust").status()).isEqualTo(200);
        assertThat(script.post("/api/schools", Map.of()).status()).isEqualTo(200);
        assertThat(script.get("/api/nothing-here").status()).isEqualTo(404);
        // the scheme is named in any case, as HTTP allows
        String token = TestInfrastructure.identityProvider().token(Person.trustLead());
        assertThat(TestApi.at(port).withHeader("Authorization", "bearer " + token).get("/api/analytics/trust").status()).isEqualTo(200);
        assertThat(SessionsAsked.paths).as("sessions asked for by a script's requests").isEmpty();

        assertThat(TestApi.at(port).get("/").status()).isEqualTo(302);
        assertThat(SessionsAsked.paths).as("a browser's sign-in is kept in a session").contains("/");
    }

    @Test
    void a_script_with_a_bearer_token_writes_without_a_csrf_token() {
        assertThat(TestApi.at(port).as(Person.trustLead()).post("/api/schools", java.util.Map.of()).status()).isEqualTo(200);
    }

    @Test
    void reports_healthy_without_a_token_and_keeps_what_is_not_open_to_all_closed() {
        assertThat(TestApi.at(port).get("/actuator/health").json().path("status").asText()).isEqualTo("UP");
        assertThat(TestApi.at(port).get("/actuator/health/readiness").status()).isEqualTo(200);
        // the routes with the services' addresses, and paths that only begin like open ones, are sent to sign in
        for (String closed : List.of("/actuator/gateway/routes", "/actuator/healthy", "/fallbacks-of-all-kinds")) {
            TestApi.Answer answer = TestApi.at(port).get(closed);
            assertThat(answer.status()).as(closed).isEqualTo(302);
            assertThat(answer.header("Location")).as(closed).hasValueSatisfying(location -> assertThat(location).endsWith("/oauth2/authorization/gateway"));
        }
    }

    /** Notes each request whose handling asks for its session. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SessionsAsked {

        static final List<String> paths = new CopyOnWriteArrayList<>();

        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        WebFilter sessionsAsked() {
            return (exchange, chain) -> chain.filter(new ServerWebExchangeDecorator(exchange) {
                @Override
                public Mono<WebSession> getSession() {
                    paths.add(getRequest().getPath().value());
                    return super.getSession();
                }
            });
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A connection kept open is never left unread. With Reactor Netty before 1.3.8, a request that
     * arrived while the one before it was being answered, and was itself refused at once with its
     * body unread, left the connection unread: the client's next request on it waited for ever.
     * Now the next request is answered, or the connection is closed and the client sends it again
     * on a new one, as HTTP lets a server do. Reactor Netty 1.3.8 still logs an
     * IllegalReferenceCountException as it drops the refused request's unread body (its issue 4343,
     * FluxReceive.cleanQueue); what a client sees, checked here, is right.
     */
    @Test
    void no_request_on_a_kept_alive_connection_is_left_waiting() throws IOException {
        String token = TestInfrastructure.identityProvider().token(Person.trustLead());
        try (Socket connection = new Socket("localhost", port)) {
            connection.setSoTimeout(10_000);
            OutputStream out = connection.getOutputStream();
            InputStream in = new BufferedInputStream(connection.getInputStream());
            // one the service answers two seconds later, and one the gateway refuses at once, sent together
            out.write((post("/api/analytics/slowly", token) + post("/api/analytics/trust", null)).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(statusLine(in)).isEqualTo("HTTP/1.1 200 OK");
            assertThat(statusLine(in)).isEqualTo("HTTP/1.1 401 Unauthorized");

            out.write(get("/actuator/health", null).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String next = answeredOrClosed(in);
            assertThat(next).as("the next request on the same connection").isIn("HTTP/1.1 200 OK", CLOSED);
        }
    }

    private static final String CLOSED = "closed";

    private static String answeredOrClosed(InputStream in) throws IOException {
        try {
            return statusLine(in);
        } catch (EOFException | SocketException closed) {
            return CLOSED;
        }
    }

    private static String get(String path, String token) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n";
    }

    private static String post(String path, String token) {
        return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n{}";
    }

    /** Reads one whole answer and returns its status line; the answers here carry a length or are chunked. */
    private static String statusLine(InputStream in) throws IOException {
        String status = line(in);
        int length = 0;
        boolean chunked = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String name = header.substring(0, header.indexOf(':')).trim();
            String value = header.substring(header.indexOf(':') + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Integer.parseInt(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            for (int size = Integer.parseInt(line(in), 16); size > 0; size = Integer.parseInt(line(in), 16)) {
                in.readNBytes(size + 2);
            }
            line(in);
        } else {
            in.readNBytes(length);
        }
        return status;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("the gateway closed the connection");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static HttpServer standInService() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/", exchange -> {
                if (exchange.getRequestURI().getPath().endsWith("/slowly")) {
                    pause(Duration.ofSeconds(2)); // long enough for every caller of a burst to be waiting at once
                }
                byte[] sent = exchange.getRequestBody().readAllBytes();
                received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("Authorization")
                        + " body=" + sent.length + " correlation=" + exchange.getRequestHeaders().getFirst("X-Correlation-Id"));
                byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                // as the services do
                if (exchange.getRequestHeaders().containsKey("X-Correlation-Id")) {
                    exchange.getResponseHeaders().add("X-Correlation-Id", exchange.getRequestHeaders().getFirst("X-Correlation-Id"));
                }
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
