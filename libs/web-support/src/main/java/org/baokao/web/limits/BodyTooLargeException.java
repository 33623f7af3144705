package org.baokao.web.limits;

import java.io.IOException;

/**
 * Thrown by a request body once more bytes were read than the limit allows. An {@link IOException}, so it travels
 * through whatever is reading (a JSON parser, a converter, a controller's own stream) like a broken connection
 * would; {@link org.baokao.web.problem.ProblemHandler} finds it in the cause chain and answers 413.
 */
public class BodyTooLargeException extends IOException {

    public BodyTooLargeException(long maxBytes) {
        super("request body larger than " + maxBytes + " bytes");
    }
}
