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

    /** The list filter that shows every status. */
    static final String ALL = "ALL";

    private final JdbcClient jdbc;

    Discrepancies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest 500 with this status ({@code OPEN}, {@code RESOLVED}) or of any status ({@code ALL}). */
    List<DiscrepancyView> list(String status) {
        if (!ALL.equals(status) && java.util.Arrays.stream(DiscrepancyStatus.values())
                .noneMatch(known -> known.name().equals(status))) {
            throw Refusal.invalid("INVALID_STATUS", "状态须为OPEN、RESOLVED或ALL");
        }
        return jdbc.sql("""
                select * from discrepancy where (? or status = ?) order by found_at desc limit 500""")
                .params(ALL.equals(status), status).query(Discrepancies::view).list();
    }

    Optional<DiscrepancyView> find(UUID id) {
        return jdbc.sql("select * from discrepancy where id = ?").param(id).query(Discrepancies::view).optional();
    }

    private static DiscrepancyView view(java.sql.ResultSet row, int n) throws java.sql.SQLException {
        return new DiscrepancyView(row.getObject("id", UUID.class), row.getString("channel"), row.getString("kind"),
                kindName(row.getString("kind")), row.getObject("order_id", UUID.class), row.getString("bank_trade_no"),
                row.getLong("bank_amount_fen"), (Long) row.getObject("order_amount_fen"),
                row.getObject("statement_date", LocalDate.class), row.getString("status"),
                row.getTimestamp("found_at").toInstant(), row.getString("resolution"), row.getString("resolved_by"));
    }

    /** An open discrepancy becomes resolved once, with who resolved it and how; a resolved one stays as it is. */
    DiscrepancyView resolve(UUID id, String resolvedBy, String resolution, Instant at) {
        DiscrepancyStatus current = jdbc.sql("select status from discrepancy where id = ?").param(id)
                .query(String.class).optional().map(DiscrepancyStatus::valueOf)
                .orElseThrow(() -> Refusal.notFound("DISCREPANCY_NOT_FOUND", "未找到该对账差异"));
        DiscrepancyStatus resolved = current.resolve();
        int changed = jdbc.sql("""
                update discrepancy set status = ?, resolved_at = ?, resolved_by = ?, resolution = ?
                where id = ? and status = ?""")
                .params(resolved.name(), Timestamp.from(at), resolvedBy, resolution, id, current.name()).update();
        if (changed == 0) {
            // another operator resolved it between our read and our write
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
