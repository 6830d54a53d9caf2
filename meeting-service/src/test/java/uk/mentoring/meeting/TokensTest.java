package uk.mentoring.meeting;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.mentoring.testkit.TokenChecks;

/** The meeting service checks every token itself, whatever the gateway did. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TokensTest extends TokenChecks {

    @LocalServerPort
    int port;

    @Override
    protected int port() {
        return port;
    }

    @Override
    protected String protectedPath() {
        return "/api/meetings";
    }
}
