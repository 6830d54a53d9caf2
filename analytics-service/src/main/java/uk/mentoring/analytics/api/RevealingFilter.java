package uk.mentoring.analytics.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

import uk.mentoring.analytics.personaldata.Revealer;

/**
 * Every JSON answer of the analytics API has its sealed values opened on the way out. Views are
 * stored and worked out on sealed text; this is the one place it becomes readable, after the
 * controller has decided the caller may see the view at all.
 */
@Component
class RevealingFilter extends OncePerRequestFilter {

    /** A whole JSON string value that is a sealed text: sealed values never need escaping. */
    private static final Pattern SEALED_VALUE = Pattern.compile(
            "\"(pd1\\.(?:pairing|meeting|reflection)\\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.[A-Za-z0-9_-]+)\"");

    private final Revealer revealer;
    private final JsonMapper json;

    RevealingFilter(Revealer revealer, JsonMapper json) {
        this.revealer = revealer;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, answer);
        String type = answer.getContentType();
        if (type == null || !MediaType.parseMediaType(type).isCompatibleWith(MediaType.APPLICATION_JSON)) {
            answer.copyBodyToResponse();
            return;
        }
        String body = new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8);
        Set<String> sealed = new LinkedHashSet<>();
        Matcher found = SEALED_VALUE.matcher(body);
        while (found.find()) {
            sealed.add(found.group(1));
        }
        if (sealed.isEmpty()) {
            answer.copyBodyToResponse();
            return;
        }
        Map<String, String> opened = revealer.open(sealed);
        String revealed = SEALED_VALUE.matcher(body).replaceAll(match ->
                Matcher.quoteReplacement(json.writeValueAsString(opened.getOrDefault(match.group(1), match.group(1)))));
        byte[] bytes = revealed.getBytes(StandardCharsets.UTF_8);
        answer.resetBuffer();
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }
}
