package uk.mentoring.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Talks to the platform as any script would: tokens from the identity provider, requests through
 * the gateway, or, before the gateway opens, to the service that answers each path.
 */
public final class PlatformClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration WHOLE_ANSWER = Duration.ofSeconds(60);

    private final Function<String, String> baseUrl;
    private final String identityProvider;

    public PlatformClient(String gateway, String identityProvider) {
        this(path -> gateway, identityProvider);
    }

    private PlatformClient(Function<String, String> baseUrl, String identityProvider) {
        this.baseUrl = baseUrl;
        this.identityProvider = identityProvider;
    }

    /** Straight to the services, each checking the token itself, for use before the gateway is open. */
    static PlatformClient direct(StackSettings settings) {
        return new PlatformClient(path -> settings.url(Component.answering(path)), settings.url(Component.IDENTITY_PROVIDER));
    }

    /** A token for a demo persona, as {@code curl -u <persona>:demo -d grant_type=client_credentials} gets one. */
    public String token(String persona) {
        String basic = Base64.getEncoder().encodeToString((persona + ":demo").getBytes(StandardCharsets.UTF_8));
        Answer answer = send(HttpRequest.newBuilder(URI.create(identityProvider + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
        if (answer.status() != 200) {
            throw new IllegalStateException("no token for " + persona + ": " + answer);
        }
        return answer.json().path("access_token").asText();
    }

    /** The claims of a token, read without checking it: the platform checks it. */
    public static JsonNode claims(String token) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JWT", e);
        }
    }

    public Answer get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl.apply(path) + path)).header("Authorization", "Bearer " + token).GET());
    }

    public Answer post(String path, Object body, String token) {
        return post(path, body, token, null);
    }

    /** With an {@code Idempotency-Key}, sending it again does the work once. */
    public Answer post(String path, Object body, String token, String idempotencyKey) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl.apply(path) + path))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            return send(request);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * The request's own timeout ends when the answer's headers arrive; the whole answer, body
     * included, is awaited within a bound too, so a body that stops coming ends in an error.
     */
    private static Answer send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
        CompletableFuture<HttpResponse<String>> answer = HTTP.sendAsync(built, HttpResponse.BodyHandlers.ofString());
        try {
            HttpResponse<String> response = answer.get(WHOLE_ANSWER.toMillis(), TimeUnit.MILLISECONDS);
            return new Answer(response.statusCode(), response.body());
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new IllegalStateException("No whole answer within " + WHOLE_ANSWER.toSeconds() + " s to " + built.method() + " " + built.uri(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Status and body of an answer. */
    public record Answer(int status, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
