package org.baokao.gateway.routing;

import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;

/** A request's path as routes and endpoints match it. */
public final class RequestPaths {

    private RequestPaths() {
    }

    /**
     * The path with percent-escapes decoded and {@code ;parameters} dropped, as Spring's path patterns (and the
     * services' Tomcat) read it: {@code /api/accounts/public/%63aptchas} is the captchas' path, and a rule that
     * looked at the raw path would miss it.
     */
    public static String decoded(ServerHttpRequest request) {
        StringBuilder path = new StringBuilder();
        for (PathContainer.Element element : request.getPath().pathWithinApplication().elements()) {
            path.append(element instanceof PathContainer.PathSegment segment ? segment.valueToMatch() : element.value());
        }
        return path.toString();
    }
}
