package org.baokao.payment.operations;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One candidate's fee orders of one bureau (OPS-3 考生查询), newest first. */
@Repository
class CandidateOrders {

    private final JdbcClient jdbc;

    CandidateOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Order(UUID orderId, String kind, String examCode, String examName, String status, long totalFen,
            String channel, Instant createdAt, Instant paidAt, Instant refundedAt) {
    }

    List<Order> of(UUID candidateId, String bureau) {
        return jdbc.sql("""
                select o.id, o.kind, o.exam_code, o.exam_name, o.status, o.amount_fen, o.channel, o.created_at,
                    o.paid_at, (select max(r.refunded_at) from refund r where r.order_id = o.id) as refunded_at
                from fee_order o where o.candidate_id = ? and o.bureau = ?
                order by o.created_at desc limit 200""")
                .params(candidateId, bureau)
                .query((row, n) -> new Order(row.getObject("id", UUID.class), row.getString("kind"),
                        row.getString("exam_code"), row.getString("exam_name"), row.getString("status"),
                        row.getLong("amount_fen"), row.getString("channel"), instant(row.getTimestamp("created_at")),
                        instant(row.getTimestamp("paid_at")), instant(row.getTimestamp("refunded_at"))))
                .list();
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
