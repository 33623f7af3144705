package org.baokao.notification.mail;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code baokao.mail.sent} (OPS-1), one count per delivery attempt, tagged by template and outcome, like
 * {@code baokao.sms.sent}. Unknown template codes are counted as {@value #UNKNOWN_TEMPLATE} so a misbehaving
 * producer cannot create endless time series.
 */
@Component
class MailMetrics {

    static final String UNKNOWN_TEMPLATE = "UNKNOWN";

    enum Outcome {
        /** the mail server accepted it */
        SENT,
        /** this request id was sent before; not sent again */
        DUPLICATE,
        /** the mail server could not take it now; retried, then dead-lettered */
        FAILED,
        /** it can never be sent as it is; dead-lettered at once */
        REJECTED
    }

    private final MeterRegistry meters;

    MailMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void count(String template, Outcome outcome) {
        meters.counter("baokao.mail.sent", "template", template, "outcome", outcome.name().toLowerCase()).increment();
    }
}
