package org.baokao.web.limits;

import java.io.IOException;

import org.baokao.web.problem.EdgeRefusals;
import org.baokao.web.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Bounds every request body but multipart to the limit, with a 413 problem: a form never needs more, and a huge
 * JSON body must not tie up a thread or memory. A body that declares a larger {@code Content-Length} is refused
 * before anything reads it; any other (chunked, or lying about its length) counts the bytes actually read and
 * fails past the limit, also in the middle of a controller's read ({@link LimitedBodyRequest}). Forms are parsed
 * by the container itself, past this wrapper: {@link BodySizeLimitAutoConfiguration} gives the container the
 * same limit. File uploads (multipart) have their own, larger limits (spring.servlet.multipart.*), which the
 * container counts the same way.
 */
public class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;

    public BodySizeLimitFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean multipart = request.getContentType() != null
                && request.getContentType().toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
        if (multipart) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > maxBytes) {
            write(response, Problems.forStatus(HttpStatus.CONTENT_TOO_LARGE));
            return;
        }
        try {
            chain.doFilter(new LimitedBodyRequest(request, maxBytes), response);
        } catch (IOException | ServletException | RuntimeException e) {
            // past the limit in a filter, outside the controllers' problem handler
            ProblemDetail refusal = EdgeRefusals.in(e).orElse(null);
            if (refusal == null || response.isCommitted()) {
                throw e;
            }
            response.reset();
            write(response, refusal);
        }
    }

    private static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(Problems.json(problem));
    }
}
