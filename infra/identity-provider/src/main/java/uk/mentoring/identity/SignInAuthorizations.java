package uk.mentoring.identity;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Keeps what a sign-in in the browser needs between its steps (its code, its refresh token), but
 * no record of each token handed to a script: those are checked by their signature alone, and
 * kept, they filled the provider's memory token by token until it stopped. A script's token is
 * therefore unknown to introspection and revocation, which the platform does not use.
 */
final class SignInAuthorizations implements OAuth2AuthorizationService {

    private final OAuth2AuthorizationService kept = new InMemoryOAuth2AuthorizationService();

    @Override
    public void save(OAuth2Authorization authorization) {
        if (!AuthorizationGrantType.CLIENT_CREDENTIALS.equals(authorization.getAuthorizationGrantType())) {
            kept.save(authorization);
        }
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        kept.remove(authorization);
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return kept.findById(id);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return kept.findByToken(token, tokenType);
    }
}
