package org.baokao.enrollment.partnerapi;

import java.util.List;

import org.baokao.events.EventCodec;
import org.baokao.events.operator.OperatorActed;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The partner reads this service audited (API-1): its outbox's {@code OperatorActed} of one action, oldest first. */
final class PartnerAuditRows {

    private PartnerAuditRows() {
    }

    static List<OperatorActed> of(JdbcClient jdbc, String action) {
        return jdbc.sql("select envelope from messaging.outbox where topic = 'operator.actions' order by id")
                .query(String.class).list().stream()
                .map(envelope -> EventCodec.payload(EventCodec.read(envelope), OperatorActed.class))
                .filter(acted -> action.equals(acted.action())).toList();
    }
}
