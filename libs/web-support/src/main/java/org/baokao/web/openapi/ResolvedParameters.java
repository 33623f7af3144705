package org.baokao.web.openapi;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.MethodParameter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Keeps the controller parameters that Baokao's own argument resolvers fill out of the documents: the request's
 * bureau (from the gateway's header), the operator and the partner client (from the token) are no query parameters
 * a caller sends, yet springdoc would describe an unannotated parameter object as one. Rather than a list to keep up
 * to date, the types are found where they are used: every parameter of a handler method whose type is Baokao's
 * ({@code org.baokao.}) and that one of the application's custom argument resolvers supports. Runs once all
 * controllers are registered, before the first document is built (springdoc builds it on the first request).
 */
class ResolvedParameters implements SmartInitializingSingleton {

    private static final String OWN_TYPES = "org.baokao.";

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;
    private final ObjectProvider<RequestMappingHandlerAdapter> adapters;

    ResolvedParameters(ObjectProvider<RequestMappingHandlerMapping> mappings,
            ObjectProvider<RequestMappingHandlerAdapter> adapters) {
        this.mappings = mappings;
        this.adapters = adapters;
    }

    @Override
    public void afterSingletonsInstantiated() {
        hidden().forEach(type -> SpringDocUtils.getConfig().addRequestWrapperToIgnore(type));
    }

    /** The parameter types to leave out of the documents. */
    Set<Class<?>> hidden() {
        List<HandlerMethodArgumentResolver> resolvers = adapters.orderedStream()
                .flatMap(adapter -> adapter.getCustomArgumentResolvers() == null ? Stream.empty()
                        : adapter.getCustomArgumentResolvers().stream())
                .toList();
        Set<Class<?>> hidden = new LinkedHashSet<>();
        for (RequestMappingHandlerMapping mapping : mappings.orderedStream().toList()) {
            for (HandlerMethod method : mapping.getHandlerMethods().values()) {
                for (MethodParameter parameter : method.getMethodParameters()) {
                    Class<?> type = parameter.getParameterType();
                    if (type.getName().startsWith(OWN_TYPES)
                            && resolvers.stream().anyMatch(resolver -> resolver.supportsParameter(parameter))) {
                        hidden.add(type);
                    }
                }
            }
        }
        return hidden;
    }
}
