package org.baokao.gateway.waitingroom;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * The waiting page ({@code waiting-room/page.html}): 排队中，您前面还有 N 人，预计等待 M 分钟, a progress bar, and a
 * script that asks {@code GET /waiting-room/status} every poll interval and reloads the address once admitted.
 * Rendered with the figures of the moment, so it says something true before its script has run.
 */
final class WaitingPage {

    private static final String TEMPLATE = "waiting-room/page.html";

    private final String template;

    WaitingPage(Duration pollInterval, Duration abandonAfter) {
        this.template = load()
                .replace("{{POLL_MS}}", Long.toString(pollInterval.toMillis()))
                .replace("{{POLL_SECONDS}}", Long.toString(Math.max(1, pollInterval.toSeconds())))
                .replace("{{ABANDON_SECONDS}}", Long.toString(abandonAfter.toSeconds()));
    }

    byte[] render(long ahead, OptionalInt minutes) {
        String estimate = minutes.isPresent()
                ? "预计等待 <strong>" + minutes.getAsInt() + "</strong> 分钟"
                : "正在估算等待时间";
        return template.replace("{{AHEAD}}", Long.toString(ahead))
                .replace("{{ESTIMATE}}", estimate)
                .replace("{{MINUTES}}", minutes.isPresent() ? Integer.toString(minutes.getAsInt()) : "null")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String load() {
        try (InputStream in = WaitingPage.class.getClassLoader().getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException(TEMPLATE + " is missing from the gateway's resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
