package uk.mentoring.pairing;

import org.springframework.boot.test.web.server.LocalServerPort;

import uk.mentoring.testkit.TokenChecks;

/** The pairing service checks every token itself, whatever the gateway did. */
@PairingServiceTest
class TokensTest extends TokenChecks {

    @LocalServerPort
    int port;

    @Override
    protected int port() {
        return port;
    }

    @Override
    protected String protectedPath() {
        return "/api/schools";
    }
}
