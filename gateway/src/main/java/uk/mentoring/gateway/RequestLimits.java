package uk.mentoring.gateway;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps one caller from crowding out the others: each signed-in caller has a budget of requests
 * per second (with a burst allowance); beyond it they hear 429 and when to come back. Bodies
 * larger than the limit are refused with 413 before they are forwarded: by their Content-Length,
 * or, sent in chunks of unknown length, once more than the limit has arrived.
 */
@Component
class RequestLimits implements GlobalFilter, Ordered {

    /** Beyond this many callers, those with their whole allowance back are forgotten: they would start afresh anyway. */
    static final int MOST_CALLERS = 100_000;

    private final long perSecond;
    private final long burst;
    private final long maxBodyBytes;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RequestLimits(@Value("${mentoring.gateway.rate-limit.requests-per-second}") long perSecond,
                  @Value("${mentoring.gateway.rate-limit.burst}") long burst,
                  @Value("${mentoring.gateway.max-request-bytes}") long maxBodyBytes) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** A caller's allowance, kept for as many callers as are busy, not for every caller ever seen. */
    Bucket allowanceOf(String caller) {
        Bucket known = buckets.get(caller);
        if (known != null) {
            return known;
        }
        if (buckets.size() >= MOST_CALLERS) {
            buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= burst);
        }
        return buckets.computeIfAbsent(caller, key -> newBucket());
    }

    int callersRemembered() {
        return buckets.size();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (exchange.getRequest().getHeaders().getContentLength() > maxBodyBytes) {
            return tooLarge(exchange);
        }
        return ReactiveSecurityContextHolder.getContext()
                .map(context -> context.getAuthentication())
                .filter(Authentication::isAuthenticated)
                .map(Authentication::getName)
                .defaultIfEmpty("anonymous:" + remote(exchange))
                .flatMap(caller -> {
                    ConsumptionProbe probe = allowanceOf(caller).tryConsumeAndReturnRemaining(1);
                    if (probe.isConsumed()) {
                        return ofUnknownLength(exchange) ? forwardWhole(exchange, chain) : chain.filter(exchange);
                    }
                    long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
                    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
                    return GatewaySecurity.problem(exchange, HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests",
                            "More than " + perSecond + " requests a second; try again in " + seconds + " s.");
                });
    }

    private static boolean ofUnknownLength(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        return headers.getContentLength() < 0 && headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
    }

    /**
     * Reads a chunked body no further than the limit, then forwards it whole with its length.
     * Such bodies are rare (the dashboard and the usual clients send a length), so holding one of
     * at most the limit in memory costs little, and a body too large is refused before the service
     * sees any of it, rather than cut off half way.
     */
    private Mono<Void> forwardWhole(ServerWebExchange exchange, GatewayFilterChain chain) {
        return DataBufferUtils.join(exchange.getRequest().getBody(), Math.toIntExact(maxBodyBytes))
                .map(body -> {
                    HttpHeaders headers = new HttpHeaders();
                    headers.putAll(exchange.getRequest().getHeaders());
                    headers.remove(HttpHeaders.TRANSFER_ENCODING);
                    headers.setContentLength(body.readableByteCount());
                    ServerHttpRequest whole = new ServerHttpRequestDecorator(exchange.getRequest()) {
                        @Override
                        public HttpHeaders getHeaders() {
                            return headers;
                        }

                        @Override
                        public Flux<DataBuffer> getBody() {
                            return Flux.just(body);
                        }
                    };
                    return exchange.mutate().request(whole).build();
                })
                .defaultIfEmpty(exchange)
                .flatMap(chain::filter)
                .onErrorResume(DataBufferLimitException.class, beyondTheLimit -> tooLarge(exchange));
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange) {
        return GatewaySecurity.problem(exchange, HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request too large",
                "Request bodies are limited to " + maxBodyBytes / 1024 + " KB.");
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)).build())
                .build();
    }

    private static String remote(ServerWebExchange exchange) {
        return exchange.getRequest().getRemoteAddress() == null ? "unknown" : exchange.getRequest().getRemoteAddress().getAddress().getHostAddress();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
