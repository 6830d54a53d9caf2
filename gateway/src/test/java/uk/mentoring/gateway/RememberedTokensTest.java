package uk.mentoring.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/** A token the gateway validated once is taken from memory until it expires, for five minutes at most; a refused one never is. */
class RememberedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");

    private final List<String> checked = new ArrayList<>();
    private Instant now = NOW;

    private final ReactiveJwtDecoder validator = token -> {
        checked.add(token);
        if (token.startsWith("bad")) {
            return Mono.error(new BadJwtException("signature does not match"));
        }
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("person").issuedAt(NOW)
                .expiresAt(NOW.plus(Duration.ofHours(1))).build());
    };

    private final RememberedTokens tokens = new RememberedTokens(validator, () -> now);

    @Test
    void a_token_validated_once_is_not_checked_again_for_five_minutes() {
        assertThat(tokens.decode("token-a").block().getSubject()).isEqualTo("person");
        tokens.decode("token-a").block();
        tokens.decode("token-b").block();
        now = NOW.plus(RememberedTokens.AT_MOST);
        tokens.decode("token-a").block();

        assertThat(checked).containsExactly("token-a", "token-b", "token-a");
    }

    @Test
    void a_refused_token_is_refused_every_time() {
        assertThatThrownBy(() -> tokens.decode("bad-token").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("bad-token").block()).isInstanceOf(BadJwtException.class);
        assertThat(checked).containsExactly("bad-token", "bad-token");
    }
}
