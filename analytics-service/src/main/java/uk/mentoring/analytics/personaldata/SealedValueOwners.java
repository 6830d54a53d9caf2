package uk.mentoring.analytics.personaldata;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.mentoring.kit.events.EventJson;

/**
 * The services that sealed the values, asked to open them under this service's own token. The
 * keys stay with them; only the opened text for the values asked about comes back.
 */
class SealedValueOwners {

    private static final Logger log = LoggerFactory.getLogger(SealedValueOwners.class);
    private static final int BATCH = 2_000;

    private final RevealProperties properties;
    private final HttpClient http;
    private final Clock clock;
    private volatile String token;
    private volatile Instant tokenUntil = Instant.MIN;

    SealedValueOwners(RevealProperties properties, Clock clock) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
        this.clock = clock;
    }

    /** The opened values in the order given; throws when the owner cannot be asked. */
    List<String> open(String owner, List<String> sealed) throws IOException, InterruptedException {
        URI base = properties.owners().get(owner);
        if (base == null) {
            throw new IOException("no address configured for the " + owner + " service (mentoring.personal-data.owners." + owner + ")");
        }
        List<String> opened = new ArrayList<>(sealed.size());
        for (int from = 0; from < sealed.size(); from += BATCH) {
            List<String> batch = sealed.subList(from, Math.min(sealed.size(), from + BATCH));
            HttpResponse<String> answer = send(base.resolve("/personal-data/reveal"), batch, false);
            if (answer.statusCode() == 401) {
                answer = send(base.resolve("/personal-data/reveal"), batch, true);
            }
            if (answer.statusCode() != 200) {
                throw new IOException("the " + owner + " service answered " + answer.statusCode() + " when asked to open sealed values");
            }
            JsonNode values = EventJson.mapper().readTree(answer.body()).path("values");
            if (values.size() != batch.size()) {
                throw new IOException("the " + owner + " service opened " + values.size() + " of " + batch.size() + " values");
            }
            values.forEach(value -> opened.add(value.asText()));
        }
        return opened;
    }

    private HttpResponse<String> send(URI uri, List<String> values, boolean freshToken) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(properties.timeout())
                .header("Authorization", "Bearer " + token(freshToken))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(EventJson.mapper().writeValueAsString(Map.of("values", values))))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private synchronized String token(boolean fresh) throws IOException, InterruptedException {
        if (!fresh && token != null && clock.instant().isBefore(tokenUntil)) {
            return token;
        }
        String credentials = Base64.getEncoder().encodeToString((properties.clientId() + ":" + properties.clientSecret()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(properties.tokenUri())
                .timeout(properties.timeout())
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
                        + java.net.URLEncoder.encode(properties.scope(), StandardCharsets.UTF_8)))
                .build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            log.warn("The identity provider refused this service a token ({}); sealed values are shown as unavailable", answer.statusCode());
            throw new IOException("no token for " + properties.clientId() + ": " + answer.statusCode());
        }
        JsonNode body = EventJson.mapper().readTree(answer.body());
        token = body.path("access_token").asText();
        // renewed a minute early, so a token never expires on its way
        tokenUntil = clock.instant().plusSeconds(Math.max(0, body.path("expires_in").asLong(300) - 60));
        return token;
    }
}
