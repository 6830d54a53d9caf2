package uk.mentoring.gateway;

import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every request gets a correlation id at the door (the caller's own, if it sent a sensible one):
 * passed to the service, onto the events the request causes, and back in the answer.
 * <p>
 * The id is written into the headers the gateway sends on to the service as it builds them,
 * rather than into a changed copy of the incoming request: making that copy cost a few per cent
 * of the gateway's time on every request.
 */
@Component
class CorrelationIds implements GlobalFilter, Ordered {

    static final String HEADER = "X-Correlation-Id";
    private static final String ATTRIBUTE = CorrelationIds.class.getName();
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String given = exchange.getRequest().getHeaders().getFirst(HEADER);
        String id = given != null && ACCEPTED.matcher(given).matches() ? given : UUID.randomUUID().toString();
        exchange.getAttributes().put(ATTRIBUTE, id);
        // set as the answer leaves, over the service's own echo of the id, which would otherwise make it twice
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(HEADER, id);
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /**
     * The headers on their way to the service: the id chosen at the door, in place of whatever the
     * caller sent. Last of the filters shaping them, whose earlier members hand over a fresh,
     * writable copy of the caller's headers.
     */
    @Component
    static class SentOn implements HttpHeadersFilter, Ordered {

        @Override
        public HttpHeaders filter(HttpHeaders toService, ServerWebExchange exchange) {
            String id = exchange.getAttribute(ATTRIBUTE);
            if (id != null) {
                toService.set(HEADER, id);
            }
            return toService;
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
