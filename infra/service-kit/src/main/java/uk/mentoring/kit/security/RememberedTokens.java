package uk.mentoring.kit.security;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens this service has validated (signature, issuer, audience, times), so a caller
 * sending the same token again is not checked with RSA each time: that check was about a tenth
 * of the service's CPU per request. A remembered token is trusted until it expires, and for five
 * minutes at most, as long as the identity provider's published keys are cached anyway, so a key
 * the provider withdraws stops being honoured about as soon as it would without this.
 */
public final class RememberedTokens implements JwtDecoder {

    static final Duration AT_MOST = Duration.ofMinutes(5);
    private static final int MOST_TOKENS = 10_000;

    private final JwtDecoder decoder;
    private final InstantSource clock;
    private final Map<String, Remembered> tokens = new ConcurrentHashMap<>();

    private record Remembered(Jwt jwt, Instant until) {
    }

    public RememberedTokens(JwtDecoder decoder, InstantSource clock) {
        this.decoder = decoder;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Remembered known = tokens.get(token);
        if (known != null) {
            if (now.isBefore(known.until())) {
                return known.jwt();
            }
            tokens.remove(token, known);
        }
        Jwt jwt = decoder.decode(token);
        if (jwt.getExpiresAt() != null) {
            if (tokens.size() >= MOST_TOKENS) {
                tokens.values().removeIf(entry -> !now.isBefore(entry.until()));
                if (tokens.size() >= MOST_TOKENS) {
                    tokens.clear();
                }
            }
            Instant until = now.plus(AT_MOST).isBefore(jwt.getExpiresAt()) ? now.plus(AT_MOST) : jwt.getExpiresAt();
            tokens.put(token, new Remembered(jwt, until));
        }
        return jwt;
    }
}
