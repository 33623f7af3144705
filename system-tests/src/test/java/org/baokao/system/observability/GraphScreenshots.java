package org.baokao.system.observability;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Screenshots of Prometheus' graph page (issue 24, must show), taken by Debian's Chromium headless, the browser the
 * browser tests use ({@code ./baokao test} installs it): no browser driver needed for a page that draws itself.
 * Debian's Prometheus serves its classic UI; {@code /graph} leads there with the query in the address.
 */
final class GraphScreenshots {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private GraphScreenshots() {
    }

    /** The graph of {@code promql} over the last 3 minutes (a fresh stack has no more) into {@code png}; returns it. */
    static Path take(String prometheusUrl, String promql, Path png) {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new AssertionError(CHROMIUM + " is missing: ./baokao test installs it (apt-get install chromium)");
        }
        String page = prometheusUrl + "/graph?g0.expr=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)
                + "&g0.tab=0&g0.range_input=3m";
        try {
            Files.createDirectories(png.getParent());
            Files.deleteIfExists(png);
            // the flags of web/e2e (docs/WEB.md); the virtual-time budget lets the page's script fetch and draw
            Process chromium = new ProcessBuilder(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--hide-scrollbars", "--window-size=1400,900", "--virtual-time-budget=10000",
                    "--user-data-dir=" + png.getParent().resolve(".chromium"), "--screenshot=" + png, page))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!chromium.waitFor(90, TimeUnit.SECONDS)) {
                chromium.destroyForcibly();
                throw new AssertionError("Chromium took more than 90 s for a screenshot of " + page);
            }
            if (chromium.exitValue() != 0) {
                throw new AssertionError("Chromium exited with " + chromium.exitValue() + " for " + page);
            }
        } catch (IOException e) {
            throw new AssertionError("could not take a screenshot of " + page, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        System.out.println("Prometheus graph of " + promql + ": " + png);
        return png;
    }
}
