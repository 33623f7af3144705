package org.baokao.web.problem;

import java.util.Optional;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.baokao.web.limits.BodyTooLargeException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Requests the edge refuses because of how they were sent, found wherever they surface: a body read past its
 * limit ({@link BodyTooLargeException}, 413), or a form or multipart body the container could not parse
 * (Tomcat's {@link InvalidParameterException}: too many fields, a form or part over its size, bad encoding;
 * 400 or 413 as Tomcat rates it). Readers wrap these (a JSON parser in an unreadable-body error, Spring in a
 * multipart error), so the whole cause chain is searched.
 */
public final class EdgeRefusals {

    /** Deeper than any real wrapping; stops a cause chain that loops. */
    private static final int MAX_DEPTH = 16;

    private EdgeRefusals() {
    }

    /** The problem to answer when {@code failure} or one of its causes is such a refusal. */
    public static Optional<ProblemDetail> in(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException) {
                return Optional.of(Problems.forStatus(HttpStatus.CONTENT_TOO_LARGE));
            }
            if (cause instanceof InvalidParameterException invalid) {
                HttpStatusCode status = HttpStatusCode.valueOf(invalid.getErrorCode());
                return Optional.of(Problems.forStatus(status.is4xxClientError() ? status : HttpStatus.BAD_REQUEST));
            }
        }
        return Optional.empty();
    }
}
