package uk.mentoring.gateway;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

/** Where a person lands after signing in. */
@RestController
class Home {

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    Mono<String> home(@AuthenticationPrincipal OidcUser user, ServerWebExchange exchange) {
        String name = HtmlUtils.htmlEscape(user == null ? "" : String.valueOf(user.getClaims().getOrDefault("name", user.getSubject())));
        Mono<CsrfToken> csrf = exchange.getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
        return csrf.map(token -> "<input type=\"hidden\" name=\"" + token.getParameterName() + "\" value=\"" + HtmlUtils.htmlEscape(token.getToken()) + "\">")
                .defaultIfEmpty("")
                .map(hidden -> page("Mentoring platform", "<p>Signed in as <strong>" + name + "</strong>.</p>"
                        + "<ul><li><a href=\"/dashboard\">Progress dashboard</a></li><li><a href=\"/swagger-ui.html\">The API, service by service</a></li></ul>"
                        + "<form method=\"post\" action=\"/logout\">" + hidden + "<button>Sign out</button></form>"));
    }

    @GetMapping(path = "/signed-out", produces = MediaType.TEXT_HTML_VALUE)
    String signedOut() {
        return page("Signed out", "<p>You have signed out.</p><p><a href=\"/\">Sign in again</a></p>");
    }

    static String page(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + title + "</title></head><body><main><h1>" + title + "</h1>" + body + "</main></body></html>";
    }
}
