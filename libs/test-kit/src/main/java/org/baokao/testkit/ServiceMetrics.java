package org.baokao.testkit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A running service's own counters, read from its {@code /actuator/prometheus} (loopback only) as benchmarks read
 * them: e.g. account-service's {@code baokao_password_hashing_cpu_seconds_total}, the CPU its password hashing took
 * ({@code ./baokao bench login}, {@code ./baokao bench day}).
 */
public final class ServiceMetrics {

    private ServiceMetrics() {
    }

    /** The value of a counter without labels (or its first series) on a stack component; NaN when it has none. */
    public static double counter(String component, String prometheusName) {
        String metrics = HttpProbe.at(StackTable.urlOf(component)).get("/actuator/prometheus").body();
        Matcher counter = Pattern.compile("(?m)^" + Pattern.quote(prometheusName) + "(?:\\{[^}]*\\})? (\\S+)$")
                .matcher(metrics);
        return counter.find() ? Double.parseDouble(counter.group(1)) : Double.NaN;
    }
}
