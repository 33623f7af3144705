package org.baokao.web.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

import tools.jackson.databind.json.JsonMapper;

/**
 * The problem-details shape every Baokao service and the gateway answer with: RFC 9457, {@code type}
 * {@code urn:baokao:problem:<CODE>}, a stable {@code code} property and a Chinese {@code detail} for the UI.
 */
public final class Problems {

    /** Property holding the stable code clients switch on. */
    public static final String CODE = "code";

    // The mixin flattens ProblemDetail's properties (code, service...) to the top level, as Spring's codecs do.
    private static final JsonMapper JSON = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
            .build();

    private Problems() {
    }

    /** The JSON body, for the places that answer outside a controller (security handlers, error handlers). */
    public static byte[] json(ProblemDetail problem) {
        return JSON.writeValueAsBytes(problem);
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String chineseDetail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, chineseDetail);
        problem.setType(URI.create("urn:baokao:problem:" + code));
        problem.setProperty(CODE, code);
        return problem;
    }

    public static ProblemDetail unauthenticated() {
        return of(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "请先登录，或登录已失效，请重新登录");
    }

    public static ProblemDetail forbidden() {
        return of(HttpStatus.FORBIDDEN, "FORBIDDEN", "没有权限执行此操作");
    }

    public static ProblemDetail serviceUnavailable() {
        return of(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE", "服务暂时不可用，请稍后再试");
    }

    /** Chinese texts for errors raised by the framework rather than by Baokao code, as the services word them. */
    public static ProblemDetail forStatus(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> of(status, "MALFORMED_REQUEST", "请求格式不正确");
            case 401 -> unauthenticated();
            case 403 -> forbidden();
            case 404 -> of(status, "NOT_FOUND", "请求的资源不存在");
            case 405 -> of(status, "METHOD_NOT_ALLOWED", "不支持该请求方式");
            case 406 -> of(status, "NOT_ACCEPTABLE", "无法提供所请求的数据格式");
            case 413 -> of(status, "PAYLOAD_TOO_LARGE", "上传的内容过大");
            case 415 -> of(status, "UNSUPPORTED_MEDIA_TYPE", "不支持该数据格式");
            case 503 -> serviceUnavailable();
            default -> status.is5xxServerError()
                    ? of(status, "INTERNAL_ERROR", "系统繁忙，请稍后再试")
                    : of(status, "BAD_REQUEST", "请求无法处理");
        };
    }
}
