package org.baokao.enrollment.exam;

import java.util.List;

import org.baokao.events.EventCodec;
import org.baokao.events.operator.OperatorActed;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit events (OPS-3) this service wrote through its outbox ({@code messaging.outbox}, topic
 * {@code operator.actions}) about one subject, oldest first: what a test reads to see that a change was audited.
 */
public final class OperatorAuditRows {

    private OperatorAuditRows() {
    }

    public static List<OperatorActed> about(JdbcClient jdbc, String subjectId) {
        return jdbc.sql("select envelope from messaging.outbox where topic = 'operator.actions' order by id")
                .query(String.class).list().stream()
                .map(envelope -> EventCodec.payload(EventCodec.read(envelope), OperatorActed.class))
                .filter(acted -> subjectId.equals(acted.subjectId())).toList();
    }
}
