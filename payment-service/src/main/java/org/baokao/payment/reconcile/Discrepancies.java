package org.baokao.payment.reconcile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.baokao.payment.channel.Channel;
import org.baokao.payment.desk.DeskPage;
import org.baokao.payment.desk.Money;
import org.baokao.payment.desk.Paging;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The discrepancies reconciliation found (PAY-6), as a bureau's operators list and resolve them (OPS-3). A
 * statement is the channel's, for the whole platform; a discrepancy is a bureau's when its order is (the order's
 * bureau), and one about no order of ours (the bank lists a trade for an order number we do not know) is shown to
 * every bureau whose money goes through that channel, since any of them may be the one to explain it.
 */
@Repository
class Discrepancies {

    /** The list filter that shows every status. */
    static final String ALL = "ALL";

    private static final String VISIBLE = """
             from discrepancy d left join fee_order o on o.id = d.order_id
             where (o.bureau = :bureau or (o.id is null and d.channel in (:channels)))""";

    private final JdbcClient jdbc;

    Discrepancies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The bureau's discrepancies with this status ({@code OPEN}, {@code RESOLVED}) or of any ({@code ALL}), on one
     * channel or all, newest first, one page.
     */
    DeskPage<DiscrepancyView> list(String bureau, Set<String> bureauChannels, String status, Channel channel,
            Paging paging) {
        if (!ALL.equals(status) && Arrays.stream(DiscrepancyStatus.values())
                .noneMatch(known -> known.name().equals(status))) {
            throw Refusal.invalid("INVALID_STATUS", "状态须为OPEN、RESOLVED或ALL");
        }
        Map<String, Object> params = visibleTo(bureau, bureauChannels);
        StringBuilder where = new StringBuilder(VISIBLE);
        if (!ALL.equals(status)) {
            where.append(" and d.status = :status");
            params.put("status", status);
        }
        if (channel != null) {
            where.append(" and d.channel = :channel");
            params.put("channel", channel.name());
        }
        long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
        params.put("limit", paging.size());
        params.put("offset", paging.offset());
        List<DiscrepancyView> items = jdbc.sql("select d.*" + where
                + " order by d.found_at desc, d.id limit :limit offset :offset").params(params)
                .query(Discrepancies::view).list();
        return new DeskPage<>(items, total, paging.page(), paging.size());
    }

    /** The discrepancy if the bureau sees it. */
    Optional<DiscrepancyView> find(UUID id, String bureau, Set<String> bureauChannels) {
        Map<String, Object> params = visibleTo(bureau, bureauChannels);
        params.put("id", id);
        return jdbc.sql("select d.*" + VISIBLE + " and d.id = :id").params(params).query(Discrepancies::view)
                .optional();
    }

    Optional<DiscrepancyView> find(UUID id) {
        return jdbc.sql("select * from discrepancy where id = ?").param(id).query(Discrepancies::view).optional();
    }

    /** The statements imported on the bureau's channels, newest first, one page. */
    DeskPage<StatementRun> runs(Set<String> bureauChannels, Paging paging) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("channels", bureauChannels.isEmpty() ? List.of("-") : List.copyOf(bureauChannels));
        long total = jdbc.sql("select count(*) from statement_import where channel in (:channels)").params(params)
                .query(Long.class).single();
        params.put("limit", paging.size());
        params.put("offset", paging.offset());
        List<StatementRun> items = jdbc.sql("""
                select * from statement_import where channel in (:channels)
                order by imported_at desc, id limit :limit offset :offset""").params(params)
                .query(Discrepancies::run).list();
        return new DeskPage<>(items, total, paging.page(), paging.size());
    }

    private static Map<String, Object> visibleTo(String bureau, Set<String> bureauChannels) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("bureau", bureau);
        // "in ()" is not SQL: a bureau without channels sees only its orders' discrepancies (none)
        params.put("channels", bureauChannels.isEmpty() ? List.of("-") : List.copyOf(bureauChannels));
        return params;
    }

    private static DiscrepancyView view(ResultSet row, int n) throws SQLException {
        Long orderAmount = (Long) row.getObject("order_amount_fen");
        String channel = row.getString("channel");
        return new DiscrepancyView(row.getObject("id", UUID.class), channel, channelName(channel),
                row.getString("kind"), kindName(row.getString("kind")), row.getObject("order_id", UUID.class),
                row.getString("bank_trade_no"), row.getLong("bank_amount_fen"),
                Money.yuan(row.getLong("bank_amount_fen")), orderAmount, Money.yuan(orderAmount),
                row.getObject("statement_date", LocalDate.class), row.getString("status"),
                "OPEN".equals(row.getString("status")) ? "待处理" : "已处理", row.getTimestamp("found_at").toInstant(),
                row.getString("resolution"), row.getString("resolved_by"), row.getString("resolved_by_name"),
                row.getTimestamp("resolved_at") == null ? null : row.getTimestamp("resolved_at").toInstant());
    }

    private static StatementRun run(ResultSet row, int n) throws SQLException {
        String channel = row.getString("channel");
        String source = row.getString("source");
        return new StatementRun(row.getObject("id", UUID.class), channel, channelName(channel),
                row.getObject("statement_date", LocalDate.class), source, switch (source) {
                    case "SCHEDULED" -> "每日自动对账";
                    case "OPERATOR" -> "工作人员执行对账";
                    default -> "上传对账单";
                }, row.getInt("lines"), row.getInt("discrepancies"), row.getTimestamp("imported_at").toInstant(),
                row.getString("operator_name") != null ? row.getString("operator_name") : row.getString("operator"));
    }

    /** An open discrepancy becomes resolved once, with who resolved it and how; a resolved one stays as it is. */
    DiscrepancyView resolve(UUID id, String resolvedBy, String resolvedByName, String resolution, Instant at) {
        DiscrepancyStatus current = jdbc.sql("select status from discrepancy where id = ?").param(id)
                .query(String.class).optional().map(DiscrepancyStatus::valueOf)
                .orElseThrow(Discrepancies::notFound);
        DiscrepancyStatus resolved = current.resolve();
        int changed = jdbc.sql("""
                update discrepancy set status = ?, resolved_at = ?, resolved_by = ?, resolved_by_name = ?,
                    resolution = ?
                where id = ? and status = ?""")
                .params(resolved.name(), Timestamp.from(at), resolvedBy, resolvedByName, resolution, id,
                        current.name()).update();
        if (changed == 0) {
            // another operator resolved it between our read and our write
            throw Refusal.conflict("DISCREPANCY_RESOLVED", "该对账差异已处理");
        }
        return find(id).orElseThrow();
    }

    static Refusal notFound() {
        return Refusal.notFound("DISCREPANCY_NOT_FOUND", "未找到该对账差异");
    }

    static String kindName(String kind) {
        return switch (kind) {
            case "PAID_AT_BANK_NOT_HERE" -> "银行已收款，平台未记账";
            case "PAID_HERE_NOT_AT_BANK" -> "平台已记账，银行无此收款";
            case "AMOUNT_MISMATCH" -> "金额不一致";
            default -> kind;
        };
    }

    private static String channelName(String channel) {
        return Channel.named(channel).map(Channel::chineseName).orElse(channel);
    }

    record DiscrepancyView(UUID id, String channel, String channelName, String kind, String kindName, UUID orderId,
            String bankTradeNo, long bankAmountFen, String bankAmountYuan, Long orderAmountFen,
            String orderAmountYuan, LocalDate statementDate, String status, String statusName, Instant foundAt,
            String resolution, String resolvedBy, String resolvedByName, Instant resolvedAt) {
    }

    /** One imported statement (a run of reconciliation): the nightly job's, an operator's, or an uploaded file's. */
    record StatementRun(UUID id, String channel, String channelName, LocalDate statementDate, String source,
            String sourceName, int lines, int discrepancies, Instant importedAt, String operatorName) {
    }
}
