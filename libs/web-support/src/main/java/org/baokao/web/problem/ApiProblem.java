package org.baokao.web.problem;

import org.springframework.http.HttpStatus;

/**
 * A refusal the caller can act on: a stable machine-readable {@code code} and a Chinese message for the UI.
 * Throw it from domain or controller code; {@link ProblemHandler} turns it into RFC 9457 problem details.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public ApiProblem(HttpStatus status, String code, String chineseDetail) {
        super(chineseDetail);
        this.status = status;
        this.code = code;
    }

    public static ApiProblem notFound(String code, String chineseDetail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, code, chineseDetail);
    }

    public static ApiProblem badRequest(String code, String chineseDetail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, code, chineseDetail);
    }

    public static ApiProblem conflict(String code, String chineseDetail) {
        return new ApiProblem(HttpStatus.CONFLICT, code, chineseDetail);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
