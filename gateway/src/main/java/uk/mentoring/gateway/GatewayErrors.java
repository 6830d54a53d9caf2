package uk.mentoring.gateway;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * What the gateway itself turns away (a path no service answers, a method a path does not take)
 * or fails at answers as problem+json, as every service does, rather than in Spring Boot's own
 * error format. Ordered before Boot's handler, which would otherwise answer.
 */
@Component
@Order(-2)
class GatewayErrors implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrors.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        String path = exchange.getRequest().getPath().value();
        if (!(error instanceof ResponseStatusException refused)) {
            log.error("The gateway failed at {} {}", exchange.getRequest().getMethod(), path, error);
            return GatewaySecurity.problem(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Something went wrong",
                    "The gateway could not pass this request on. Try again; a write sent with an Idempotency-Key is safe to repeat.");
        }
        HttpStatus status = HttpStatus.resolve(refused.getStatusCode().value());
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        exchange.getResponse().getHeaders().addAll(refused.getHeaders());
        if (status == HttpStatus.NOT_FOUND) {
            return GatewaySecurity.problem(exchange, status, "not-found", "Not found",
                    "Nothing on the platform answers " + path + "; the README lists the API's paths.");
        }
        if (status == HttpStatus.METHOD_NOT_ALLOWED) {
            return GatewaySecurity.problem(exchange, status, "method-not-allowed", "Method not allowed",
                    path + " does not take " + exchange.getRequest().getMethod() + ".");
        }
        if (status.is5xxServerError()) {
            log.warn("The gateway answered {} at {}: {}", status.value(), path, refused.getMessage());
        }
        String reason = refused.getReason() != null ? refused.getReason() : status.getReasonPhrase();
        return GatewaySecurity.problem(exchange, status, status.name().toLowerCase(Locale.ROOT).replace('_', '-'), status.getReasonPhrase(),
                reason.endsWith(".") ? reason : reason + ".");
    }
}
