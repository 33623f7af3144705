package org.baokao.web.bureau;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import jakarta.servlet.http.HttpServletRequest;

/** Fills a controller's {@link RequestBureau} parameter. */
class RequestBureauResolver implements HandlerMethodArgumentResolver {

    private final BureauProperties properties;

    RequestBureauResolver(BureauProperties properties) {
        this.properties = properties;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == RequestBureau.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        return RequestBureau.of(webRequest.getNativeRequest(HttpServletRequest.class), properties);
    }
}
