package uk.mentoring.kit.idempotency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import uk.mentoring.kit.web.CachedBodyRequest;

/**
 * A write sent again with the same {@code Idempotency-Key} does its work once: the second time,
 * the first answer is given again (marked {@code Idempotent-Replayed: true}). The same key with a
 * different body is refused; a key whose first request is still running answers 409 with
 * {@code Retry-After}. Keys belong to the caller who sent them and are kept for a day. Only a
 * write that was done is remembered: a request that was refused or failed changed nothing, so
 * it may be sent again under the same key (a pairing just made may not have reached this service
 * yet; a mistake may have been corrected).
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Duration KEPT_FOR = Duration.ofDays(1);
    private static final int MAX_BODY = 1024 * 1024;

    private final MongoCollection<Document> answers;
    private final Clock clock;

    public IdempotencyFilter(MongoDatabase serviceDatabase, Clock clock) {
        this.answers = serviceDatabase.getCollection("idempotency_keys");
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null || !WRITES.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).strip();
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || !caller.isAuthenticated()) {
            chain.doFilter(request, response); // security answers first; nothing is written
            return;
        }
        if (key.isEmpty() || key.length() > 255) {
            problem(response, HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", "The Idempotency-Key header takes 1 to 255 characters.");
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            problem(response, HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request too large", "Request bodies are limited to 1 MB.");
            return;
        }
        String id = sha256((caller.getName() + "\n" + request.getMethod() + "\n" + request.getRequestURI() + "\n" + key).getBytes(StandardCharsets.UTF_8));
        String fingerprint = sha256(body);
        Instant now = clock.instant();

        Document claim = new Document("_id", id).append("state", "IN_PROGRESS").append("fingerprint", fingerprint).append("at", now.toString());
        if (!claim(claim, now)) {
            Document earlier = answers.find(Filters.eq("_id", id)).first();
            if (earlier == null) {
                problem(response, HttpStatus.CONFLICT, "request-in-progress", "Request in progress",
                        "A request with this Idempotency-Key is being handled; try again in a moment.");
            } else if (!fingerprint.equals(earlier.getString("fingerprint"))) {
                problem(response, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key used for another request",
                        "This Idempotency-Key was used for a different request; use a new key for a new request.");
            } else if ("IN_PROGRESS".equals(earlier.getString("state"))) {
                response.setHeader(HttpHeaders.RETRY_AFTER, "1");
                problem(response, HttpStatus.CONFLICT, "request-in-progress", "Request in progress",
                        "A request with this Idempotency-Key is being handled; try again in a moment.");
            } else {
                replay(earlier, response);
            }
            return;
        }

        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean completed = false;
        try {
            chain.doFilter(new CachedBodyRequest(request, body), recorded);
            completed = recorded.getStatus() >= 200 && recorded.getStatus() < 300;
        } finally {
            if (completed) {
                Document answer = new Document("_id", id).append("state", "DONE").append("fingerprint", fingerprint).append("at", now.toString())
                        .append("status", recorded.getStatus())
                        .append("contentType", recorded.getContentType())
                        .append("location", recorded.getHeader(HttpHeaders.LOCATION))
                        .append("body", new Binary(recorded.getContentAsByteArray()));
                answers.replaceOne(Filters.eq("_id", id), answer, new ReplaceOptions().upsert(true));
            } else {
                answers.deleteOne(Filters.and(Filters.eq("_id", id), Filters.eq("state", "IN_PROGRESS")));
            }
            recorded.copyBodyToResponse();
        }
    }

    /** Takes the key for this request; an expired earlier use of the key is forgotten first. */
    private boolean claim(Document claim, Instant now) {
        try {
            answers.insertOne(claim);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        Document earlier = answers.find(Filters.eq("_id", claim.getString("_id"))).first();
        if (earlier != null && Instant.parse(earlier.getString("at")).plus(KEPT_FOR).isBefore(now)) {
            answers.deleteOne(Filters.and(Filters.eq("_id", claim.getString("_id")), Filters.eq("at", earlier.getString("at"))));
            return claim(claim, now);
        }
        return false;
    }

    private static void replay(Document earlier, HttpServletResponse response) throws IOException {
        response.setStatus(earlier.getInteger("status"));
        response.setHeader("Idempotent-Replayed", "true");
        if (earlier.getString("contentType") != null) {
            response.setContentType(earlier.getString("contentType"));
        }
        if (earlier.getString("location") != null) {
            response.setHeader(HttpHeaders.LOCATION, earlier.getString("location"));
        }
        byte[] body = earlier.get("body", Binary.class).getData();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static void problem(HttpServletResponse response, HttpStatus status, String rule, String title, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"/problems/" + rule + "\",\"title\":\"" + title + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + detail + "\"}");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
