package org.baokao.payment.reconcile;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.baokao.payment.channel.Channel;
import org.baokao.payment.channel.ChannelUnavailableException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators reconcile (PAY-6, role {@code operator}): import a channel's statement of a day from the bank, upload a
 * statement file they received otherwise, list discrepancies and resolve them with a note.
 */
@RestController
@PreAuthorize("hasRole('operator')")
class ReconciliationController {

    private final Reconciliation reconciliation;
    private final JdbcClient jdbc;
    private final Clock clock;

    ReconciliationController(Reconciliation reconciliation, JdbcClient jdbc, Clock clock) {
        this.reconciliation = reconciliation;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @PostMapping("/api/payments/operations/reconciliations/{channel}/{date}")
    Reconciliation.Result importFromBank(@PathVariable String channel, @PathVariable String date) {
        try {
            return reconciliation.importFromBank(channel(channel), date(date), Reconciliation.Source.OPERATOR);
        } catch (ChannelUnavailableException e) {
            throw Refusal.unavailable("CHANNEL_UNAVAILABLE", "银行对账文件暂时无法获取，请稍后再试");
        }
    }

    @PostMapping(path = "/api/payments/operations/reconciliations/{channel}/{date}/statement",
            consumes = {"text/csv", "text/plain"})
    Reconciliation.Result upload(@PathVariable String channel, @PathVariable String date, @RequestBody String csv) {
        return reconciliation.reconcile(channel(channel), date(date), csv, Reconciliation.Source.UPLOAD);
    }

    @GetMapping("/api/payments/operations/discrepancies")
    List<DiscrepancyView> list(@RequestParam(defaultValue = "OPEN") String status) {
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

    record Resolve(String resolution) {
    }

    @PostMapping("/api/payments/operations/discrepancies/{id}/resolve")
    DiscrepancyView resolve(@AuthenticationPrincipal Jwt token, @PathVariable UUID id, @RequestBody Resolve body) {
        if (body == null || body.resolution() == null || body.resolution().isBlank() || body.resolution().length() > 500) {
            throw Refusal.invalid("RESOLUTION_REQUIRED", "请填写处理说明（不超过500字）");
        }
        int resolved = jdbc.sql("""
                update discrepancy set status = 'RESOLVED', resolved_at = ?, resolved_by = ?, resolution = ?
                where id = ? and status = 'OPEN'""")
                .params(Timestamp.from(clock.instant()), token.getSubject(), body.resolution().strip(), id).update();
        if (resolved == 0 && jdbc.sql("select count(*) from discrepancy where id = ?").param(id).query(Long.class)
                .single() == 0) {
            throw Refusal.notFound("DISCREPANCY_NOT_FOUND", "未找到该对账差异");
        }
        if (resolved == 0) {
            throw Refusal.conflict("DISCREPANCY_RESOLVED", "该对账差异已处理");
        }
        return list("ALL").stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }

    record DiscrepancyView(UUID id, String channel, String kind, String kindName, UUID orderId, String bankTradeNo,
            long bankAmountFen, Long orderAmountFen, LocalDate statementDate, String status, Instant foundAt,
            String resolution, String resolvedBy) {
    }

    static String kindName(String kind) {
        return switch (kind) {
            case "PAID_AT_BANK_NOT_HERE" -> "银行已收款，平台未记账";
            case "PAID_HERE_NOT_AT_BANK" -> "平台已记账，银行无此收款";
            case "AMOUNT_MISMATCH" -> "金额不一致";
            default -> kind;
        };
    }

    static Channel channel(String code) {
        for (Channel c : Channel.values()) {
            if (c.name().equalsIgnoreCase(code)) {
                return c;
            }
        }
        throw Refusal.notFound("UNKNOWN_CHANNEL", "没有此支付渠道");
    }

    static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("INVALID_DATE", "日期格式须为yyyy-MM-dd");
        }
    }
}
