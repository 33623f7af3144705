package org.baokao.system.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Prometheus queries of the Grafana dashboards in {@code infra/grafana/dashboards/*.json} (issue 24): every
 * target's {@code expr} of every panel, rows' nested panels included, with the dashboard's template variables and
 * Grafana's built-in interval variables replaced by values Prometheus can evaluate as they are.
 */
final class GrafanaDashboards {

    /** One query of one panel, as written and as Prometheus gets it. */
    record PanelQuery(String dashboard, String panel, String refId, String written, String expr) {

        @Override
        public String toString() {
            return dashboard + " / " + panel + " / " + refId + ": " + expr.replaceAll("\\s+", " ");
        }
    }

    /**
     * Grafana's own variables, for a stack scraped every 5 s: {@code $__rate_interval} is at least four scrape
     * intervals in Grafana; a minute keeps a counter that moved during the journey in the window however long the
     * evaluation waits.
     */
    private static final Map<String, String> BUILT_IN = Map.of(
            "__rate_interval", "1m",
            "__interval", "15s",
            "__interval_ms", "15000",
            "__range", "5m",
            "__range_s", "300",
            "__range_ms", "300000");

    /** {@code $name}, {@code ${name}}, {@code ${name:format}} and the old {@code [[name]]}. */
    private static final Pattern VARIABLE = Pattern.compile(
            "\\$\\{(\\w+)(?::[^}]*)?}|\\$(\\w+)|\\[\\[(\\w+)(?::[^]]*)?]]");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GrafanaDashboards() {
    }

    /**
     * Every query of every dashboard in {@code folder}. {@code labelValues} answers a variable that has no "All"
     * and no current value from the stack ({@code label_values(metric, label)}: a value the label has there).
     */
    static List<PanelQuery> queries(Path folder, Function<String, String> labelValues) {
        List<PanelQuery> queries = new ArrayList<>();
        try (var files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode dashboard = JSON.readTree(file.toFile());
                String title = dashboard.path("title").asString(file.getFileName().toString());
                Map<String, String> variables = variables(dashboard, labelValues);
                collect(title, dashboard.path("panels"), variables, queries);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dashboards in " + folder, e);
        }
        return queries;
    }

    private static void collect(String dashboard, JsonNode panels, Map<String, String> variables,
            List<PanelQuery> into) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asString("");
                if (!expr.isBlank()) {
                    into.add(new PanelQuery(dashboard, panel.path("title").asString(""),
                            target.path("refId").asString(""), expr, substitute(expr, variables)));
                }
            }
            collect(dashboard, panel.path("panels"), variables, into); // a collapsed row keeps its panels inside
        }
    }

    /**
     * The value each template variable takes: an interval's current duration (its "auto": the rate window); with
     * "All" included, its {@code allValue} (Grafana's regex of every value otherwise, for which {@code .+} stands);
     * else its current value; else its first option; else one the stack has ({@code label_values}).
     */
    private static Map<String, String> variables(JsonNode dashboard, Function<String, String> labelValues) {
        Map<String, String> values = new LinkedHashMap<>(BUILT_IN);
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            String name = variable.path("name").asString();
            String type = variable.path("type").asString();
            if (type.equals("datasource")) {
                continue; // picks Prometheus, never part of an expression
            }
            JsonNode current = variable.path("current").path("value");
            String currentValue = current.isArray() ? (current.isEmpty() ? "" : current.get(0).asString())
                    : current.asString("");
            if (type.equals("interval")) {
                // Grafana's "auto" step becomes a Prometheus duration only in Grafana: the rate window stands in
                values.put(name, currentValue.matches("\\d+[smhd]") ? currentValue : BUILT_IN.get("__rate_interval"));
            } else if (variable.path("includeAll").asBoolean(false)) {
                String all = variable.path("allValue").asString("");
                values.put(name, all.isEmpty() ? ".+" : all);
            } else if (!currentValue.isEmpty() && !currentValue.equals("$__all")) {
                values.put(name, currentValue);
            } else if (!variable.path("options").isEmpty()) {
                values.put(name, variable.path("options").get(0).path("value").asString("")); // custom: the first
            } else {
                String query = variable.path("query").isObject() ? variable.path("query").path("query").asString("")
                        : variable.path("query").asString("");
                values.put(name, labelValues.apply(query));
            }
        }
        return values;
    }

    /** The expression with every variable replaced; one it does not know stays, and Prometheus refuses it. */
    static String substitute(String expr, Map<String, String> variables) {
        Matcher variable = VARIABLE.matcher(expr);
        StringBuilder out = new StringBuilder();
        while (variable.find()) {
            String name = variable.group(1) != null ? variable.group(1)
                    : variable.group(2) != null ? variable.group(2) : variable.group(3);
            String value = variables.get(name);
            variable.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : variable.group()));
        }
        variable.appendTail(out);
        return out.toString();
    }
}
