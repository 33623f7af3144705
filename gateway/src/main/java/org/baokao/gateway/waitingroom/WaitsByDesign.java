package org.baokao.gateway.waitingroom;

import java.util.regex.Pattern;

import org.baokao.domain.DomainModel;

/**
 * Requests that wait on purpose and so are no load: counting them would fill a service's capacity with candidates
 * who are merely watching. Today the desktop's long poll of a phone capture session (PHO-1: {@code GET
 * /api/photos/capture-sessions/{id}?waitMs=...}, held by photo-service up to 8 s until the phone has uploaded).
 */
@DomainModel
public final class WaitsByDesign {

    private static final Pattern CAPTURE_SESSION = Pattern.compile("/api/photos/capture-sessions/[^/]+");
    private static final Pattern WAITING = Pattern.compile("(^|&)waitMs=[1-9]");

    private WaitsByDesign() {
    }

    /** {@code path} without the bureau's prefix, {@code query} raw (may be null). */
    public static boolean waits(String method, String path, String query) {
        return "GET".equals(method) && CAPTURE_SESSION.matcher(path).matches() && query != null
                && WAITING.matcher(query).find();
    }
}
