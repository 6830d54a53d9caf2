package uk.mentoring.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** A token validated once is taken from memory until it expires, for five minutes at most; a refused one never is. */
class RememberedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");

    private final List<String> checked = new ArrayList<>();
    private Instant now = NOW;
    private Instant expiresAt = NOW.plus(Duration.ofHours(1));

    private final JwtDecoder validator = token -> {
        checked.add(token);
        if (token.startsWith("bad")) {
            throw new BadJwtException("signature does not match");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("person").issuedAt(NOW).expiresAt(expiresAt).build();
    };

    private final RememberedTokens tokens = new RememberedTokens(validator, () -> now);

    @Test
    void a_token_validated_once_is_not_checked_again_while_remembered() {
        assertThat(tokens.decode("token-a").getSubject()).isEqualTo("person");
        assertThat(tokens.decode("token-a").getSubject()).isEqualTo("person");
        tokens.decode("token-b");

        assertThat(checked).containsExactly("token-a", "token-b");
    }

    @Test
    void a_remembered_token_is_checked_again_after_five_minutes_and_never_trusted_past_its_expiry() {
        tokens.decode("token-a");
        now = NOW.plus(RememberedTokens.AT_MOST).minusSeconds(1);
        tokens.decode("token-a");
        now = NOW.plus(RememberedTokens.AT_MOST);
        tokens.decode("token-a");
        assertThat(checked).containsExactly("token-a", "token-a");

        expiresAt = NOW.plusSeconds(30);
        now = NOW;
        tokens.decode("short-lived");
        now = NOW.plusSeconds(30);
        tokens.decode("short-lived");
        assertThat(checked).containsExactly("token-a", "token-a", "short-lived", "short-lived");
    }

    @Test
    void a_refused_token_is_refused_every_time() {
        assertThatThrownBy(() -> tokens.decode("bad-token")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("bad-token")).isInstanceOf(BadJwtException.class);
        assertThat(checked).containsExactly("bad-token", "bad-token");
    }
}
