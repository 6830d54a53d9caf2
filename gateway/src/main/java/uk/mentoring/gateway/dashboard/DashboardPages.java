package uk.mentoring.gateway.dashboard;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.path;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import uk.mentoring.gateway.ClaimNames;

/**
 * The progress dashboard: pages for people signed in at the gateway. Each page draws what the
 * analytics API answers to the same person, called with their own session, so a page never shows
 * a number the API would not give them. {@code /dashboard/me} tells a page who is looking, so a
 * school lead lands on their school and a trust lead on the trust.
 */
@Configuration(proxyBeanMethods = false)
class DashboardPages {

    @Bean
    RouterFunction<ServerResponse> dashboard(ClaimNames claims) {
        String trust = render("trust", "Trust overview", true);
        String school = render("school", "School", true);
        String pairing = render("pairing", "Pairing", true);
        String rebuild = render("rebuild", "Rebuilding the views", false);
        String audit = render("audit", "Audit record", false);
        String notFound = render("not-found", "Page not found", false);
        return RouterFunctions.route(GET("/dashboard"), request -> page(request, trust))
                .andRoute(GET("/dashboard/schools/{schoolId}"), request -> page(request, school))
                .andRoute(GET("/dashboard/pairings/{pairingId}"), request -> page(request, pairing))
                .andRoute(GET("/dashboard/rebuild"), request -> page(request, rebuild))
                .andRoute(GET("/dashboard/audit/mentees/{menteeId}"), request -> page(request, audit))
                .andRoute(GET("/dashboard/me"), request -> ReactiveSecurityContextHolder.getContext()
                        .map(context -> viewer(context.getAuthentication(), claims))
                        .flatMap(viewer -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(viewer)))
                // a mistyped or old address reads as a page with a way back, not as the API's problem
                .andRoute(GET("/dashboard/**").and(path("/dashboard/assets/**").negate()), request -> ServerResponse.status(HttpStatus.NOT_FOUND)
                        .contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noCache()).bodyValue(notFound));
    }

    /** A page, with the session's CSRF cookie set so that the page's own writes are accepted. */
    private static Mono<ServerResponse> page(ServerRequest request, String html) {
        Mono<CsrfToken> csrf = request.exchange().getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
        return csrf.then(ServerResponse.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noCache()).bodyValue(html));
    }

    /** One page in the dashboard's one layout: its own content, title and script, and the charting library where it draws charts. */
    private static String render(String name, String title, boolean charts) {
        String scripts = (charts ? "  <script src=\"/webjars/echarts/dist/echarts.min.js\" defer></script>\n" : "")
                + "  <script src=\"/dashboard/assets/dashboard.js\" defer></script>\n"
                + "  <script src=\"/dashboard/assets/" + name + ".js\" defer></script>";
        return read("layout.html").replace("{{title}}", title).replace("{{scripts}}", scripts).replace("{{main}}", read(name + ".html"));
    }

    private static String read(String file) {
        try {
            return new ClassPathResource("dashboard/" + file).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the dashboard's " + file + " is missing from the build", e);
        }
    }

    /** Who is looking, from their token's claims: the same claims the services decide by. */
    static Viewer viewer(Object authentication, ClaimNames claims) {
        Map<String, Object> attributes = Map.of();
        if (authentication instanceof OAuth2AuthenticationToken browser) {
            attributes = browser.getPrincipal().getAttributes();
        } else if (authentication instanceof JwtAuthenticationToken script) {
            attributes = script.getToken().getClaims();
        }
        Object name = attributes.getOrDefault("name", attributes.get("sub"));
        Object personId = attributes.get(claims.personId());
        return new Viewer(name == null ? "" : name.toString(), personId == null ? null : personId.toString(),
                ClaimNames.roles(attributes.get(claims.roles())), ClaimNames.values(attributes.get(claims.schoolIds())));
    }

    /** Who is looking; {@code personId} lets a mentor or mentee land on their own pairing. */
    record Viewer(String name, String personId, List<String> roles, List<String> schoolIds) {
    }
}
