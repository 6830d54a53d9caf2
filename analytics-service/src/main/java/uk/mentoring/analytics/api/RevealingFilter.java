package uk.mentoring.analytics.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

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
import uk.mentoring.contracts.SealedText;

/**
 * Every JSON answer of the analytics API has its sealed values opened on the way out. Views are
 * stored and worked out on sealed text; this is the one place it becomes readable, after the
 * controller has decided the caller may see the view at all.
 */
@Component
class RevealingFilter extends OncePerRequestFilter {

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
        byte[] body = answer.getContentAsByteArray();
        // cheap test first: most answers (counts, problems) carry nothing sealed
        if (!new String(body, StandardCharsets.UTF_8).contains(SealedText.PREFIX)) {
            answer.copyBodyToResponse();
            return;
        }
        Object tree = json.readValue(body, Object.class);
        Set<String> sealed = new HashSet<>();
        Revealer.collect(tree, sealed);
        if (sealed.isEmpty()) {
            answer.copyBodyToResponse();
            return;
        }
        Map<String, String> opened = revealer.open(sealed);
        byte[] bytes = json.writeValueAsBytes(Revealer.replace(tree, opened::get));
        answer.resetBuffer();
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }
}
