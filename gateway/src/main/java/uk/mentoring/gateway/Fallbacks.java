package uk.mentoring.gateway;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** What a caller hears while a service is down or its circuit is open: 503, and that nothing may have been done. */
@RestController
class Fallbacks {

    @RequestMapping("/fallback/{service}")
    Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set("Retry-After", "5");
        return GatewaySecurity.problem(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Temporarily unavailable",
                "The " + service + " is not answering just now. Try again in a few seconds; a write sent with an Idempotency-Key is safe to repeat.");
    }
}
