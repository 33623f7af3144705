package org.baokao.notification.sms;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code baokao.sms.sent} (OPS-1), one count per delivery attempt, tagged by template and outcome. Unknown template
 * codes are counted as {@value #UNKNOWN_TEMPLATE} so a misbehaving producer cannot create endless time series.
 */
@Component
class SmsMetrics {

    static final String UNKNOWN_TEMPLATE = "UNKNOWN";

    enum Outcome {
        /** the gateway accepted it */
        SENT,
        /** this request id was sent before; not sent again */
        DUPLICATE,
        /** the gateway could not take it now; retried, then dead-lettered */
        FAILED,
        /** it can never be sent as it is; dead-lettered at once */
        REJECTED,
        /** its bureau's SMS settings have not arrived; retried, then parked until they do */
        HELD
    }

    private final MeterRegistry meters;

    SmsMetrics(MeterRegistry meters) {
        this.meters = meters;
        // every outcome at zero under the unknown template from the start, so the dashboards' sums by outcome and
        // the failure-rate alert read 0 rather than nothing before the first failure (issue 24); the templates
        // themselves live in the database and appear with their first send
        for (Outcome outcome : Outcome.values()) {
            meters.counter("baokao.sms.sent", "template", UNKNOWN_TEMPLATE, "outcome", outcome.name().toLowerCase());
        }
    }

    void count(String template, Outcome outcome) {
        meters.counter("baokao.sms.sent", "template", template, "outcome", outcome.name().toLowerCase()).increment();
    }
}
