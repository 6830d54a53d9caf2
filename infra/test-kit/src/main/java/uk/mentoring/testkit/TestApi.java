package uk.mentoring.testkit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Calls a running service over real HTTP, as a client with a bearer token would. Answers are kept
 * whole (status, headers, body) so tests can check problem+json as a caller sees it.
 */
public final class TestApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String token;
    private final Map<String, String> headers;

    private TestApi(String baseUrl, String token, Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.headers = Map.copyOf(headers);
    }

    public static TestApi at(int port) {
        return new TestApi("http://localhost:" + port, null, Map.of());
    }

    public static TestApi at(String baseUrl) {
        return new TestApi(baseUrl, null, Map.of());
    }

    /** The same API, called with a token the test identity provider issued to this person. */
    public TestApi as(TestIdentityProvider.Person person) {
        return withToken(TestInfrastructure.identityProvider().token(person));
    }

    public TestApi withToken(String bearerToken) {
        return new TestApi(baseUrl, bearerToken, headers);
    }

    public TestApi withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new TestApi(baseUrl, token, more);
    }

    public Answer get(String path) {
        return send(request(path).GET());
    }

    public Answer post(String path, Object body) {
        String json;
        try {
            json = body instanceof String text ? text : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer post(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Sent in chunks, as a stream whose length nobody knows up front: no Content-Length header. */
    public Answer postInChunks(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        headers.forEach(builder::header);
        return builder;
    }

    private static Answer send(HttpRequest.Builder request) {
        HttpResponse<String> response = WholeAnswer.of(HTTP, request.build());
        return new Answer(response.statusCode(), response.headers().map(), response.body());
    }

    /** What came back. */
    public record Answer(int status, Map<String, java.util.List<String>> headers, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }

        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .flatMap(entry -> entry.getValue().stream())
                    .findFirst();
        }

        /** The id of what a 201 created. */
        public String id() {
            return json().path("id").asText();
        }

        public boolean isProblem() {
            return header("Content-Type").map(type -> type.startsWith("application/problem+json")).orElse(false);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
