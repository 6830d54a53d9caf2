package uk.mentoring.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for a platform started beside others, as the system tests and the benchmark start theirs.
 * Each is one no one listens on, below the range the system hands out to outgoing connections: a
 * port from that range, free when asked for, can be taken by any connection made before the
 * process it is meant for binds it, seconds later (a platform's Kafka once failed to start so,
 * while another platform's services were connecting).
 */
public final class FreePorts {

    private static final int LOWEST_CHOSEN = 20_000;
    private static final int OUTGOING_FROM = firstPortForOutgoingConnections();
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    public static int next() {
        for (int attempt = 0; attempt < 200 && OUTGOING_FROM > LOWEST_CHOSEN + 1_000; attempt++) {
            int candidate = ThreadLocalRandom.current().nextInt(LOWEST_CHOSEN, OUTGOING_FROM);
            if (!HANDED_OUT.add(candidate)) {
                continue; // free again only because the one it went to has not bound it yet
            }
            try (ServerSocket socket = new ServerSocket(candidate)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // another one
            }
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int firstPortForOutgoingConnections() {
        try {
            // read by lines: read whole, the kernel's file gave its first character only
            return Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException unknown) {
            return 32_768; // Linux's default, and below other systems' ranges too
        }
    }
}
