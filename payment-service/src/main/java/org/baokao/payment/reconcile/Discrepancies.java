package org.baokao.payment.reconcile;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The discrepancies reconciliation found (PAY-6), as operators list and resolve them. */
@Repository
class Discrepancies {

    private final JdbcClient jdbc;

    Discrepancies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest 500 with this status ({@code OPEN}, {@code RESOLVED}) or of any status ({@code ALL}). */
    List<DiscrepancyView> list(String status) {
        if (!List.of("OPEN", "RESOLVED", "ALL").contains(status)) {
            throw Refusal.invalid("INVALID_STATUS", "状态须为OPEN、RESOLVED或ALL");
        }
        return jdbc.sql("""
                select * from discrepancy where (? = 'ALL' or status = ?) order by found_at desc limit 500""")
                .params(status, status).query((row, n) -> new DiscrepancyView(row.getObject("id", UUID.class),
                        row.getString("channel"), row.getString("kind"), kindName(row.getString("kind")),
                        row.getObject("order_id", UUID.class), row.getString("bank_trade_no"),
                        row.getLong("bank_amount_fen"), (Long) row.getObject("order_amount_fen"),
                        row.getObject("statement_date", LocalDate.class), row.getString("status"),
                        row.getTimestamp("found_at").toInstant(), row.getString("resolution"),
                        row.getString("resolved_by")))
                .list();
    }

    Optional<DiscrepancyView> find(UUID id) {
        return list("ALL").stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** An open discrepancy becomes resolved once, with who resolved it and how; a resolved one stays as it is. */
    DiscrepancyView resolve(UUID id, String resolvedBy, String resolution, Instant at) {
        int resolved = jdbc.sql("""
                update discrepancy set status = 'RESOLVED', resolved_at = ?, resolved_by = ?, resolution = ?
                where id = ? and status = 'OPEN'""")
                .params(Timestamp.from(at), resolvedBy, resolution, id).update();
        if (resolved == 0 && jdbc.sql("select count(*) from discrepancy where id = ?").param(id).query(Long.class)
                .single() == 0) {
            throw Refusal.notFound("DISCREPANCY_NOT_FOUND", "未找到该对账差异");
        }
        if (resolved == 0) {
            throw Refusal.conflict("DISCREPANCY_RESOLVED", "该对账差异已处理");
        }
        return find(id).orElseThrow();
    }

    static String kindName(String kind) {
        return switch (kind) {
            case "PAID_AT_BANK_NOT_HERE" -> "银行已收款，平台未记账";
            case "PAID_HERE_NOT_AT_BANK" -> "平台已记账，银行无此收款";
            case "AMOUNT_MISMATCH" -> "金额不一致";
            default -> kind;
        };
    }

    record DiscrepancyView(UUID id, String channel, String kind, String kindName, UUID orderId, String bankTradeNo,
            long bankAmountFen, Long orderAmountFen, LocalDate statementDate, String status, Instant foundAt,
            String resolution, String resolvedBy) {
    }
}
