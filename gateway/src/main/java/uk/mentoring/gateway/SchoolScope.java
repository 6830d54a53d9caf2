package uk.mentoring.gateway;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A school lead onboards people only into the schools their token names. Checked here before any
 * service is bothered, and again by the service itself. Another school answers 404, as a school
 * that does not exist would.
 */
@Component
class SchoolScope implements GlobalFilter, Ordered {

    private static final Pattern ONBOARDING = Pattern.compile("^/api/schools/([^/]+)/(mentors|mentees|people)(/.*)?$");

    private final String rolesClaim;
    private final String schoolIdsClaim;

    SchoolScope(ClaimNames claims) {
        this.rolesClaim = claims.roles();
        this.schoolIdsClaim = claims.schoolIds();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Matcher onboarding = ONBOARDING.matcher(exchange.getRequest().getPath().value());
        if (exchange.getRequest().getMethod() != HttpMethod.POST || !onboarding.matches()) {
            return chain.filter(exchange);
        }
        String school = onboarding.group(1);
        return ReactiveSecurityContextHolder.getContext()
                .map(context -> mayOnboardInto(context.getAuthentication(), school))
                .defaultIfEmpty(true) // no token: the security chain has answered already
                .flatMap(allowed -> allowed
                        ? chain.filter(exchange)
                        : GatewaySecurity.problem(exchange, HttpStatus.NOT_FOUND, "not-found", "School not found",
                                "No school " + school + " is known here."));
    }

    private boolean mayOnboardInto(Object authentication, String school) {
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            return true;
        }
        List<String> roles = ClaimNames.roles(token.getToken().getClaim(rolesClaim));
        // school ids are UUIDs: the same school whatever the case of their hex digits
        boolean leadsIt = ClaimNames.values(token.getToken().getClaim(schoolIdsClaim)).stream().anyMatch(school::equalsIgnoreCase);
        boolean mayKnowTheSchool = leadsIt || roles.contains("TRUST_LEAD") || roles.contains("AUDITOR");
        return !roles.contains("SCHOOL_LEAD") || mayKnowTheSchool;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }
}
