package org.baokao.system.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.baokao.system.chaos.ChaosJourneys;
import org.baokao.testkit.StackTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 24 (meters and dashboards): after one complete candidate journey through the running stack (register, login,
 * photo and identity check, confirmation, payment at the sandbox bank, completed), and once the stack's Prometheus
 * has scraped every application since, every query of every panel of every Grafana dashboard
 * ({@code infra/grafana/dashboards/*.json}) evaluated against that Prometheus has data. The failure lists every
 * query without any, so a panel reading a metric no code emits (or a label no meter has) fails here.
 * <p>
 * Some queries are empty by design after one happy journey (no server error, no refund, no dead letter):
 * {@link #BY_DESIGN} names them, and for each the test checks a witness instead, which must have data: the metric
 * exists (so its meter is registered and scraped before anything happened), or the same query over every value of
 * the label it filters on. Also takes the screenshots of Prometheus' graph page the issue asks for.
 */
class DashboardQueriesSystemTest {

    /**
     * Why a query may be empty after one happy journey, and what must have data instead. {@code replacement} null:
     * the metric {@code pattern} names must exist; else the query with {@code pattern} replaced must have data.
     */
    record ByDesign(Pattern pattern, String replacement, String why) {

        static ByDesign metric(String name, String why) {
            return new ByDesign(Pattern.compile("\\b" + name + "\\b"), null, why);
        }

        static ByDesign selector(String regex, String replacement, String why) {
            return new ByDesign(Pattern.compile(regex), replacement, why);
        }
    }

    static final List<ByDesign> BY_DESIGN = List.of(
            ByDesign.selector("status=~\"5\\.\\.\"", "status=~\"...\"",
                    "no 5xx in a happy journey; the witness: the same query over every status"),
            ByDesign.selector("(outcome|result)=~?\"[^\"]*(failed|rejected|dead|mismatched|no_reference)[^\"]*\"",
                    "$1=~\".+\"", "no failed delivery, rejected notification or failed check in a happy journey; "
                            + "the witness: the same query over every outcome"),
            ByDesign.metric("baokao_reconciliation_discrepancies_total",
                    "no reconciliation has run, and a happy journey leaves no gap"),
            ByDesign.metric("baokao_refunds_total", "nobody refunds in a happy journey"),
            ByDesign.metric("baokao_payment_refunds_total", "nobody refunds in a happy journey"),
            ByDesign.metric("baokao_inbox_deadlettered_total", "no event is dead-lettered in a happy journey"),
            ByDesign.metric("baokao_gateway_rate_limited_total",
                    "the test stack lets 100,000 requests a minute through (./baokao test)"));

    /** Business metrics for the graph-page screenshots: file name and query. */
    static final List<String[]> GRAPHS = List.of(
            new String[] { "registrations", "sum by (bureau) (increase(baokao_registrations_total[5m]))" },
            new String[] { "sms-sent", "sum by (template, outcome) (increase(baokao_sms_sent_total[5m]))" },
            new String[] { "bank-payment-notifications",
                    "sum by (channel, outcome) (increase(baokao_payment_notifications_total[5m]))" });

    private static final Path DASHBOARDS = StackTable.repository().resolve("infra/grafana/dashboards");
    private static final Path SCREENSHOTS = StackTable.repository().resolve("system-tests/target/prometheus-graphs");
    private static final LocalPrometheus PROMETHEUS = new LocalPrometheus();

    @BeforeAll
    static void oneCompleteJourneyScraped() throws InterruptedException {
        ChaosJourneys.Outcome outcome = new ChaosJourneys().run(1, Duration.ofSeconds(1));
        assertThat(outcome.completed()).as("a complete journey (abandoned: %s)", outcome.abandoned()).hasSize(1);
        // two scrapes (5 s apart) after the journey: a counter made during it has two samples for rate()
        PROMETHEUS.awaitScrapesAfter(Instant.now(), Duration.ofSeconds(6), Duration.ofSeconds(60));
    }

    @Test
    void everyQueryOfEveryDashboardPanelHasData() {
        List<GrafanaDashboards.PanelQuery> queries = GrafanaDashboards.queries(DASHBOARDS,
                PROMETHEUS::firstLabelValue);
        assertThat(queries).as("queries in %s", DASHBOARDS).isNotEmpty();

        List<String> empty = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        List<String> emptyByDesign = new ArrayList<>();
        for (GrafanaDashboards.PanelQuery query : queries) {
            LocalPrometheus.Result result = PROMETHEUS.query(query.expr());
            if (result.error() != null) {
                refused.add(query + "  → " + result.error());
            } else if (result.empty()) {
                String witnessed = witness(query.expr());
                if (witnessed == null) {
                    empty.add(query.toString());
                } else if (!witnessed.isEmpty()) {
                    empty.add(query + "  (empty by design, but " + witnessed + ")");
                } else {
                    emptyByDesign.add(query.toString());
                }
            }
        }
        System.out.printf("%d dashboard queries evaluated against %s; empty by design, witnessed: %s%n",
                queries.size(), PROMETHEUS.url(), emptyByDesign);

        assertThat(refused).as("queries Prometheus refused").isEmpty();
        assertThat(empty).as("dashboard queries without data after a complete journey").isEmpty();
    }

    /**
     * For an empty query: null when no {@link #BY_DESIGN} entry explains it, "" when entries do and their witnesses
     * have data, else what lacks data. The witness of a filter that is empty by design is the query with that filter
     * widened to every value; of a metric that is, the metric's existence.
     */
    private static String witness(String expr) {
        String widened = expr;
        List<String> metrics = new ArrayList<>();
        boolean explained = false;
        for (ByDesign byDesign : BY_DESIGN) {
            Matcher matcher = byDesign.pattern().matcher(widened);
            if (!matcher.find()) {
                continue;
            }
            explained = true;
            if (byDesign.replacement() == null) {
                metrics.add(matcher.group());
            } else {
                widened = matcher.replaceAll(byDesign.replacement());
            }
        }
        if (!explained) {
            return null;
        }
        List<String> missing = new ArrayList<>();
        for (String metric : metrics) {
            if (!PROMETHEUS.hasMetric(metric)) {
                missing.add("no series of " + metric + " at all: its meter must be registered before it first counts");
            }
        }
        if (metrics.isEmpty() && PROMETHEUS.query(widened).empty()) {
            missing.add("no data over every value either: " + widened.replaceAll("\\s+", " "));
        }
        return String.join("; ", missing);
    }

    /** Issue 24, must show: Prometheus' graph page for three business metrics after a journey. */
    @Test
    void graphPagesOfThreeBusinessMetrics() {
        for (String[] graph : GRAPHS) {
            assertThat(PROMETHEUS.query(graph[1]).empty()).as("data for the graph of %s", graph[1]).isFalse();
            Path png = GraphScreenshots.take(PROMETHEUS.url(), graph[1], SCREENSHOTS.resolve(graph[0] + ".png"));
            assertThat(png).as("screenshot of %s", graph[1]).isNotEmptyFile();
        }
    }
}
