package org.baokao.system.observability;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.baokao.testkit.HttpProbe;

import tools.jackson.databind.JsonNode;

/** A Prometheus through its HTTP API: the local stack's ({@code ./baokao up}, component {@code prometheus}). */
final class LocalPrometheus {

    /** The answer to an instant query: its series, or Prometheus' error (a query it cannot parse). */
    record Result(int series, String error) {

        boolean empty() {
            return error == null && series == 0;
        }
    }

    /** A scrape target: its job and instance, its health and the time of its last scrape. */
    record Target(String job, String instance, String health, Instant lastScrape) {
    }

    private static final Pattern LABEL_VALUES = Pattern.compile("^\\s*label_values\\((?:(.+),)?\\s*(\\w+)\\s*\\)\\s*$",
            Pattern.DOTALL);

    private final String url;
    private final HttpProbe api;

    /** The Prometheus at {@code url}, e.g. {@code StackTable.urlOf("prometheus")}. */
    LocalPrometheus(String url) {
        this.url = url;
        this.api = HttpProbe.at(url);
    }

    String url() {
        return url;
    }

    /** {@code /api/v1/query}, evaluated now. */
    Result query(String promql) {
        HttpProbe.Answer answer = api.get("/api/v1/query?query=" + encode(promql));
        JsonNode body = answer.json();
        if (!body.path("status").asString("").equals("success")) {
            return new Result(0, answer.status() + " " + body.path("errorType").asString("") + ": "
                    + body.path("error").asString(answer.body()));
        }
        return new Result(body.path("data").path("result").size(), null);
    }

    /** Whether Prometheus holds a current series of this metric, whatever its value. */
    boolean hasMetric(String name) {
        return query("count by (__name__) ({__name__=\"" + name + "\"})").series() > 0;
    }

    /** The active scrape targets. */
    List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        for (JsonNode target : api.get("/api/v1/targets?state=active").json().path("data").path("activeTargets")) {
            String last = target.path("lastScrape").asString("");
            targets.add(new Target(target.path("labels").path("job").asString(""),
                    target.path("labels").path("instance").asString(""), target.path("health").asString(""),
                    last.isEmpty() || last.startsWith("0001") ? Instant.EPOCH : Instant.parse(last)));
        }
        return targets;
    }

    /**
     * Waits until every target has been scraped successfully at least {@code after} past {@code since}, so what
     * the applications counted until then is in Prometheus.
     */
    void awaitScrapesAfter(Instant since, Duration after, Duration timeout) {
        Instant due = since.plus(after);
        Instant deadline = Instant.now().plus(timeout);
        List<Target> behind = List.of();
        while (Instant.now().isBefore(deadline)) {
            List<Target> targets = targets();
            behind = targets.stream().filter(t -> !t.health().equals("up") || t.lastScrape().isBefore(due)).toList();
            if (!targets.isEmpty() && behind.isEmpty()) {
                return;
            }
            sleep(Duration.ofSeconds(1));
        }
        throw new AssertionError("Prometheus (" + url + ") has not scraped every target since " + due + ": " + behind);
    }

    /**
     * A Grafana variable's {@code label_values([selector,] label)}: the first value the label has among the
     * selector's series (or at all); the query itself when it is not of that form (Prometheus then refuses the
     * panel's query, which the test reports).
     */
    String firstLabelValue(String variableQuery) {
        Matcher labelValues = LABEL_VALUES.matcher(variableQuery);
        if (!labelValues.matches()) {
            return variableQuery;
        }
        String label = labelValues.group(2);
        String path = "/api/v1/label/" + label + "/values"
                + (labelValues.group(1) == null ? "" : "?match[]=" + encode(labelValues.group(1).strip()));
        JsonNode values = api.get(path).json().path("data");
        return values.isEmpty() ? variableQuery : values.get(0).asString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
