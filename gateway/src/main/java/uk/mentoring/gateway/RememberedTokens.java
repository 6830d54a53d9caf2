package uk.mentoring.gateway;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers tokens the gateway has validated (signature, issuer, audience, times), so a script
 * sending the same token again is not checked with RSA each time: that check cost about a
 * quarter of the gateway's CPU per request. A remembered token is trusted until it expires, and
 * for five minutes at most, as long as the identity provider's published keys are cached anyway,
 * so a key the provider withdraws stops being honoured about as soon as it would without this.
 */
final class RememberedTokens implements ReactiveJwtDecoder {

    static final Duration AT_MOST = Duration.ofMinutes(5);
    private static final int MOST_TOKENS = 10_000;

    private final ReactiveJwtDecoder decoder;
    private final InstantSource clock;
    private final Map<String, Remembered> tokens = new ConcurrentHashMap<>();

    private record Remembered(Jwt jwt, Instant until) {
    }

    RememberedTokens(ReactiveJwtDecoder decoder, InstantSource clock) {
        this.decoder = decoder;
        this.clock = clock;
    }

    @Override
    public Mono<Jwt> decode(String token) throws JwtException {
        Instant now = clock.instant();
        Remembered known = tokens.get(token);
        if (known != null) {
            if (now.isBefore(known.until())) {
                return Mono.just(known.jwt());
            }
            tokens.remove(token, known);
        }
        return decoder.decode(token).doOnNext(jwt -> remember(token, jwt, now));
    }

    private void remember(String token, Jwt jwt, Instant now) {
        if (jwt.getExpiresAt() == null) {
            return;
        }
        if (tokens.size() >= MOST_TOKENS) {
            tokens.values().removeIf(entry -> !now.isBefore(entry.until()));
            if (tokens.size() >= MOST_TOKENS) {
                tokens.clear();
            }
        }
        Instant until = now.plus(AT_MOST).isBefore(jwt.getExpiresAt()) ? now.plus(AT_MOST) : jwt.getExpiresAt();
        tokens.put(token, new Remembered(jwt, until));
    }
}
