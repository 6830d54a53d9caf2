package uk.mentoring.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.mentoring.testkit.TestApi;
import uk.mentoring.testkit.TestIdentityProvider.Person;

/** A service that does not answer: the caller hears 503 as problem+json and when to try again, never a raw error. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServiceDownTest {

    @DynamicPropertySource
    static void nobodyHome(DynamicPropertyRegistry registry) {
        String url = "http://localhost:" + unusedPort();
        for (String name : List.of("PAIRING", "MEETING", "REFLECTION", "ANALYTICS")) {
            registry.add(name + "_SERVICE_URL", () -> url);
        }
    }

    @LocalServerPort
    int port;

    @Test
    void a_service_that_is_down_answers_503_with_retry_after() {
        TestApi.Answer answer = TestApi.at(port).as(Person.trustLead()).get("/api/analytics/trust");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json().path("type").asText()).isEqualTo("/problems/service-unavailable");
        assertThat(answer.header("Retry-After")).isPresent();
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
