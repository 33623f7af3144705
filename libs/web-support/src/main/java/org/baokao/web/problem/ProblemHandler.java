package org.baokao.web.problem;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.baokao.domain.Refusal;
import org.baokao.web.limits.BodyTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Every error leaves a service as problem details with a stable {@code code} and a Chinese {@code detail};
 * a rule's {@link Refusal} gets the status of its kind ({@link RefusalStatus}),
 * Spring's own framework errors get Chinese texts too, and nothing ever shows a stack trace.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(Refusal.class)
    public ResponseEntity<ProblemDetail> refusal(Refusal refusal) {
        HttpStatus status = RefusalStatus.of(refusal.kind());
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status);
        // whole seconds (RFC 9110), rounded up: trying again after them must not be refused again
        refusal.retryAfter().ifPresent(wait -> answer.header(HttpHeaders.RETRY_AFTER,
                String.valueOf(wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0))));
        return answer.body(Problems.of(status, refusal.code(), refusal.getMessage()));
    }

    // Method security throws these past the filter chain; answer like the filter chain would.
    @ExceptionHandler(AccessDeniedException.class)
    public ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException ignored) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Problems.forbidden());
    }

    @ExceptionHandler(AuthenticationException.class)
    public ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException ignored) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Problems.unauthenticated());
    }

    /** A body read past its limit, or a form the container could not parse (see {@link EdgeRefusals}). */
    @ExceptionHandler({ BodyTooLargeException.class, InvalidParameterException.class })
    public ResponseEntity<ProblemDetail> refusedAtTheEdge(Exception e) {
        ProblemDetail problem = EdgeRefusals.in(e).orElseThrow();
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    /**
     * A multipart body the container could not parse (no boundary, garbage, cut short) is the caller's mistake
     * (400), and so is an upload sent as JSON or text (415: Spring asks for the parts of a request that has none).
     * Multipart over its size limit is Spring's {@code MaxUploadSizeExceededException}, answered 413 by the base
     * class, or a limit the container enforces ({@link EdgeRefusals}).
     */
    @ExceptionHandler(MultipartException.class)
    public ResponseEntity<ProblemDetail> unreadableMultipart(MultipartException e, HttpServletRequest request) {
        String contentType = request.getContentType();
        boolean multipart = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
        ProblemDetail problem = EdgeRefusals.in(e).orElseGet(() -> Problems.forStatus(
                multipart ? HttpStatus.BAD_REQUEST : HttpStatus.UNSUPPORTED_MEDIA_TYPE));
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception e) {
        Optional<ProblemDetail> refusal = EdgeRefusals.in(e); // wrapped on its way, e.g. in an UncheckedIOException
        if (refusal.isPresent()) {
            return ResponseEntity.status(refusal.get().getStatus()).body(refusal.get());
        }
        log.error("Unexpected error", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "系统繁忙，请稍后再试"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "提交的信息有误，请检查后重新提交");
        Map<String, String> fields = new LinkedHashMap<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            fields.putIfAbsent(error.getField(), error.getDefaultMessage());
        }
        problem.setProperty("fields", fields);
        return ResponseEntity.badRequest().body(problem);
    }

    /** A multipart request without the file the endpoint expects: which part is missing. */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "MISSING_PART", "缺少需要上传的文件，请选择文件后重新提交");
        problem.setProperty("part", ex.getRequestPartName());
        return ResponseEntity.badRequest().body(problem);
    }

    /** A body read past its limit surfaces here when a converter was reading it: 413, not 400. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Optional<ProblemDetail> refusal = EdgeRefusals.in(ex);
        if (refusal.isPresent()) {
            return ResponseEntity.status(refusal.get().getStatus()).body(refusal.get());
        }
        return super.handleHttpMessageNotReadable(ex, headers, status, request);
    }

    /** Gives every framework-generated problem (404, 405, 415, unreadable body...) a code and a Chinese text. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem && !hasCode(problem)) {
            body = Problems.forStatus(statusCode);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static boolean hasCode(ProblemDetail problem) {
        return problem.getProperties() != null && problem.getProperties().containsKey(Problems.CODE);
    }
}
