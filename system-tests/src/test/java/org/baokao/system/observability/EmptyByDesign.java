package org.baokao.system.observability;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dashboard queries that are empty by design after one happy journey (no server error, no refund, no dead letter),
 * why, and what must have data instead (a witness): the same query over every value of the label it filters on, or
 * the metric's existence, so its meter is registered and scraped before anything happened. Kept short on purpose:
 * a panel is not excused for reading a metric no code emits.
 */
final class EmptyByDesign {

    /**
     * One reason. {@code replacement} null: the metric {@code pattern} names must exist; else the query with
     * {@code pattern} replaced must have data.
     */
    record Reason(Pattern pattern, String replacement, String why) {

        static Reason metric(String name, String why) {
            return new Reason(Pattern.compile("\\b" + name + "\\b"), null, why);
        }

        static Reason selector(String regex, String replacement, String why) {
            return new Reason(Pattern.compile(regex), replacement, why);
        }
    }

    static final List<Reason> REASONS = List.of(
            Reason.selector("status=~\"5\\.\\.\"", "status=~\"...\"",
                    "no 5xx in a happy journey; witness: the same query over every status"),
            Reason.selector("(outcome|result)=~?\"[^\"]*(failed|rejected|dead|mismatched|no_reference)[^\"]*\"",
                    "$1=~\".+\"", "no failed delivery, rejected notification or failed check in a happy journey; "
                            + "witness: the same query over every outcome"),
            Reason.metric("baokao_reconciliation_discrepancies_total",
                    "no reconciliation has run, and a happy journey leaves no gap"),
            Reason.metric("baokao_refunds_total", "nobody refunds in a happy journey"),
            Reason.metric("baokao_payment_refunds_total", "nobody refunds in a happy journey"),
            Reason.metric("baokao_inbox_deadlettered_total", "no event is dead-lettered in a happy journey"),
            Reason.metric("baokao_gateway_rate_limited_total",
                    "the test stack lets 100,000 requests a minute through (./baokao test)"));

    private final LocalPrometheus prometheus;

    EmptyByDesign(LocalPrometheus prometheus) {
        this.prometheus = prometheus;
    }

    /**
     * For a query without data: null when no reason explains it, "" when reasons do and their witnesses have data,
     * else what lacks data.
     */
    String witness(String expr) {
        String widened = expr;
        List<String> metrics = new ArrayList<>();
        boolean explained = false;
        for (Reason reason : REASONS) {
            Matcher matcher = reason.pattern().matcher(widened);
            if (!matcher.find()) {
                continue;
            }
            explained = true;
            if (reason.replacement() == null) {
                metrics.add(matcher.group());
            } else {
                widened = matcher.replaceAll(reason.replacement());
            }
        }
        if (!explained) {
            return null;
        }
        List<String> missing = new ArrayList<>();
        for (String metric : metrics) {
            if (!prometheus.hasMetric(metric)) {
                missing.add("no series of " + metric + " at all: its meter must be registered before it first counts");
            }
        }
        if (metrics.isEmpty() && prometheus.query(widened).empty()) {
            missing.add("no data over every value either: " + widened.replaceAll("\\s+", " "));
        }
        return String.join("; ", missing);
    }
}
