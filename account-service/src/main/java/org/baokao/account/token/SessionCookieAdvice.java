package org.baokao.account.token;

import org.baokao.web.bureau.BureauAddress;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every answer that hands out a refresh token ({@link SessionAnswer}: login, refresh, a registration that logs in)
 * also sets it as the session cookie, so no controller can forget to. A browser, which says so with
 * {@link SessionCookie#HEADER}, gets the token in the cookie only; a partner's client or a test without the header
 * keeps reading it from the body as before.
 */
@ControllerAdvice
class SessionCookieAdvice implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
            ServerHttpResponse response) {
        if (!(body instanceof SessionAnswer answer) || answer.refreshToken() == null) {
            return body;
        }
        HttpHeaders headers = request.getHeaders();
        response.getHeaders().add(HttpHeaders.SET_COOKIE,
                SessionCookie.holding(answer.refreshToken(), headers.getFirst(BureauAddress.HEADER)).toString());
        return headers.containsHeader(SessionCookie.HEADER) ? answer.withoutRefreshToken() : body;
    }
}
