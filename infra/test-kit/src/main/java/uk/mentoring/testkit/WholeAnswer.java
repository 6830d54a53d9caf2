package uk.mentoring.testkit;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An HTTP answer awaited whole, within a bound. A request's own timeout ends when the answer's
 * headers arrive; a body that then stops coming would hold a test, and the build, for ever.
 */
public final class WholeAnswer {

    /** Longer than any answer the platform gives on a slow machine, far shorter than a build's limit. */
    public static final Duration BOUND = Duration.ofSeconds(60);

    private WholeAnswer() {
    }

    public static HttpResponse<String> of(HttpClient client, HttpRequest request) {
        CompletableFuture<HttpResponse<String>> answer = client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        try {
            return answer.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new IllegalStateException("No whole answer within " + BOUND.toSeconds() + " s to " + request.method() + " " + request.uri(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted waiting for " + request.method() + " " + request.uri(), e);
        }
    }
}
