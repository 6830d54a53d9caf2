package uk.mentoring.gateway;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.web.server.BearerTokenServerAuthenticationEntryPoint;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two ways in, one set of rules. Scripts send a bearer token from the trust's identity provider,
 * checked here (signature, issuer, expiry, audience) and again by every service. People sign in
 * in the browser through the same provider; their session's token is relayed to the services.
 * An unauthenticated API call hears 401 as problem+json; a page sends the browser to sign in.
 */
@Configuration(proxyBeanMethods = false)
class GatewaySecurity {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int RETRY_AFTER_SECONDS = 5;
    private static final ServerAuthenticationEntryPoint BEARER_CHALLENGE = new BearerTokenServerAuthenticationEntryPoint();

    /**
     * Spring Security's entry point names what was wrong with a token in {@code WWW-Authenticate}
     * and then ends the answer, which left the problem's body unwritten: a 401 with no detail. Here
     * it only sets its status and header, and the problem is written after.
     */
    private static final ServerAuthenticationEntryPoint PROBLEM_FOR_401 = (exchange, exception) ->
            BEARER_CHALLENGE.commence(exchange.mutate().response(new ServerHttpResponseDecorator(exchange.getResponse()) {
                        @Override
                        public Mono<Void> setComplete() {
                            return Mono.empty();
                        }
                    }).build(), exception)
                    .then(Mono.defer(() -> problem(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign-in required",
                            refusal(exception))));
    /**
     * A token found wanting hears 401. A token that could not be checked, because the identity
     * provider's keys did not arrive, may be perfectly good: the script hears 503 and when to try
     * again, rather than being told to throw its token away.
     */
    private static final ServerAuthenticationFailureHandler TOKEN_REFUSED_OR_UNCHECKED = (filterExchange, exception) -> {
        ServerWebExchange exchange = filterExchange.getExchange();
        if (exception instanceof AuthenticationServiceException) {
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
            return problem(exchange, HttpStatus.SERVICE_UNAVAILABLE, "identity-provider-unavailable", "Token not checked",
                    "The gateway could not reach the trust's identity provider to check the bearer token; the token may be fine."
                            + " Please try again in " + RETRY_AFTER_SECONDS + " seconds.");
        }
        return PROBLEM_FOR_401.commence(exchange, exception);
    };
    private static final ServerAccessDeniedHandler DENIED = (exchange, exception) ->
            problem(exchange, HttpStatus.FORBIDDEN, "forbidden", "Not allowed", "Your role does not allow this action.");

    /**
     * What anyone may ask for without signing in. One matcher for all of them: Spring Security's own
     * matcher per pattern wrote a debug line for every pattern tried, on every request, and the
     * logging bridge formats a line before it asks whether debug is on.
     */
    private static final List<PathPattern> OPEN_TO_ALL = Stream.of(
                    "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
                    "/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs/**", "/api-docs/**", "/webjars/**", "/problems/**", "/signed-out",
                    "/fallback/**",
                    // a browser asks for the icon on its own, in parallel with the page: sent to sign in, it would start a
                    // second sign-in whose session cookie can replace the page's, and the person lands on an error after signing in
                    "/favicon.ico")
            .map(PathPatternParser.defaultInstance::parse)
            .toList();

    /**
     * Scripts: the bearer token is checked on every request and nothing is kept between requests.
     * No session is made for them: making one took a random id and two changes of thread on every
     * call, for nothing. Without a session there is nothing for a cross-site request to ride on, so
     * no CSRF token either.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain scriptSecurity(ServerHttpSecurity http) {
        return sharedRules(http.securityMatcher(GatewaySecurity::bearerToken))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .oauth2ResourceServer(server -> server.jwt(jwt -> { }).authenticationEntryPoint(PROBLEM_FOR_401)
                        .authenticationFailureHandler(TOKEN_REFUSED_OR_UNCHECKED).accessDeniedHandler(DENIED))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(PROBLEM_FOR_401).accessDeniedHandler(DENIED))
                .build();
    }

    /** People in the browser, and anything else without a bearer token: a session after signing in. */
    @Bean
    SecurityWebFilterChain browserSecurity(ServerHttpSecurity http) {
        // a page's own calls for data hear 401, and the page says the session has ended; only a page itself is sent to sign in
        DelegatingServerAuthenticationEntryPoint entryPoint = new DelegatingServerAuthenticationEntryPoint(
                new DelegatingServerAuthenticationEntryPoint.DelegateEntry(new PathPatternParserServerWebExchangeMatcher("/api/**"), PROBLEM_FOR_401),
                new DelegatingServerAuthenticationEntryPoint.DelegateEntry(new PathPatternParserServerWebExchangeMatcher("/dashboard/me"), PROBLEM_FOR_401));
        entryPoint.setDefaultEntryPoint(new RedirectServerAuthenticationEntryPoint("/oauth2/authorization/gateway"));
        RedirectServerLogoutSuccessHandler loggedOut = new RedirectServerLogoutSuccessHandler();
        loggedOut.setLogoutSuccessUrl(URI.create("/signed-out"));

        return sharedRules(http)
                .oauth2Login(login -> { })
                .logout(logout -> logout.logoutSuccessHandler(loggedOut))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint).accessDeniedHandler(DENIED))
                // a browser's session is protected from cross-site requests
                .csrf(csrf -> csrf
                        .csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(GatewaySecurity::sessionWrite)
                        .accessDeniedHandler((exchange, denial) -> problem(exchange, HttpStatus.FORBIDDEN, "csrf", "Request not trusted",
                                "A write from a signed-in browser needs the page's CSRF token (the XSRF-TOKEN cookie, sent back as X-XSRF-TOKEN).")))
                .build();
    }

    /** What is open to all and the headers every answer carries, the same for both ways in. */
    private static ServerHttpSecurity sharedRules(ServerHttpSecurity http) {
        return http
                .authorizeExchange(exchanges -> exchanges
                        .matchers(GatewaySecurity::openToAll).permitAll()
                        .anyExchange().authenticated())
                .headers(headers -> headers
                        .contentSecurityPolicy(policy -> policy.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
    }

    /** Boot's decoder, with its issuer and audience checks, behind a memory of the tokens it accepted. */
    @Bean
    static BeanPostProcessor rememberedTokens() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof ReactiveJwtDecoder decoder && !(bean instanceof RememberedTokens)
                        ? new RememberedTokens(uncheckedToldApart(decoder), Clock.systemUTC()) : bean;
            }
        };
    }

    /**
     * The decoder's own failures to fetch the provider's configuration or keys arrive as whatever
     * the web client threw, which Spring Security passes on as a server error. As a {@link JwtException}
     * that is not a {@link BadJwtException} they become "could not check", told apart from "refused".
     */
    private static ReactiveJwtDecoder uncheckedToldApart(ReactiveJwtDecoder decoder) {
        return token -> decoder.decode(token).onErrorMap(failure -> !(failure instanceof JwtException),
                failure -> new JwtException("The identity provider's keys could not be fetched: " + failure.getMessage(), failure));
    }

    /**
     * No observation around each of Spring Security's filters: observed, each cost more than the
     * filter itself, and the wrapping stayed on every request even with those observations switched
     * off. Requests are still timed as a whole (http.server.requests).
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** A request the firewall refuses (an encoded slash, a path that climbs out) hears why, as any other refusal. */
    @Bean
    ServerExchangeRejectedHandler firewallRefusal() {
        return (exchange, rejected) -> problem(exchange, HttpStatus.BAD_REQUEST, "request-rejected", "Request rejected",
                "The address of this request is not one the platform accepts: it holds an encoded slash, a backslash or a path that climbs out.");
    }

    private static Mono<ServerWebExchangeMatcher.MatchResult> bearerToken(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
    }

    private static Mono<ServerWebExchangeMatcher.MatchResult> openToAll(ServerWebExchange exchange) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        for (PathPattern open : OPEN_TO_ALL) {
            if (open.matches(path)) {
                return ServerWebExchangeMatcher.MatchResult.match();
            }
        }
        return ServerWebExchangeMatcher.MatchResult.notMatch();
    }

    private static Mono<ServerWebExchangeMatcher.MatchResult> sessionWrite(ServerWebExchange exchange) {
        HttpMethod method = exchange.getRequest().getMethod();
        boolean safe = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS || method == HttpMethod.TRACE;
        boolean session = exchange.getRequest().getCookies().containsKey("SESSION");
        return !safe && session ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
    }

    /** Why a request was not signed in, in words a script's author can act on. */
    private static String refusal(AuthenticationException exception) {
        if (exception instanceof OAuth2AuthenticationException refused && refused.getError() instanceof BearerTokenError error
                && error.getDescription() != null) {
            return "The bearer token was refused: " + error.getDescription() + ". Ask the trust's identity provider for a new one.";
        }
        return "This request needs a valid bearer token from the trust's identity provider.";
    }

    static Mono<Void> problem(ServerWebExchange exchange, HttpStatus status, String rule, String title, String detail) {
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "/problems/" + rule);
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", exchange.getRequest().getPath().value());
        DataBuffer buffer = response.bufferFactory().wrap(JSON.writeValueAsBytes(problem));
        return response.writeWith(Mono.just(buffer));
    }
}
