package uk.mentoring.reflection;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.mentoring.kit.consuming.EventInbox;
import uk.mentoring.kit.pairings.PairingDirectory;
import uk.mentoring.testkit.KnownPairingsChecks;

/** The reflection service starts healthy on the test kit and learns who mentors whom from the pairing topic. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KnownPairingsTest extends KnownPairingsChecks {

    @LocalServerPort
    int port;

    @Autowired
    PairingDirectory pairings;

    @Autowired
    EventInbox inbox;

    @Override
    protected int port() {
        return port;
    }

    @Override
    protected PairingDirectory pairings() {
        return pairings;
    }

    @Override
    protected EventInbox inbox() {
        return inbox;
    }
}
