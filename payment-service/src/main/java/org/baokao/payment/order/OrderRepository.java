package org.baokao.payment.order;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.baokao.payment.channel.Channel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Fee orders in table {@code fee_order}; {@link #lock} takes the row lock that serialises everything on one order. */
@Repository
public class OrderRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<FeeItem>> ITEMS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final OrderMetrics metrics;

    OrderRepository(JdbcClient jdbc, OrderMetrics metrics) {
        this.jdbc = jdbc;
        this.metrics = metrics;
    }

    public void insert(FeeOrder order) {
        PaymentWindow w = order.window();
        jdbc.sql("""
                insert into fee_order (id, bureau, kind, enrollment_id, candidate_id, exam_code, exam_name, region_code, channel, items,
                    amount_fen, status, created_at, payment_opens_at, payment_closes_at, payment_daily_opens,
                    payment_daily_closes, lapses_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(order.id(), order.bureau(), order.kind().name(), order.enrollmentId(), order.candidateId(), order.examCode(), order.examName(),
                        order.regionCode(),
                        order.channel().name(), JSON.writeValueAsString(order.items()), order.amountFen(),
                        order.status().name(), ts(order.createdAt()), ts(w.opensAt()), ts(w.closesAt()), w.dailyOpens(),
                        w.dailyCloses(), ts(order.lapsesAt()))
                .update();
        metrics.entered(order.status());
    }

    /** Writes the order; a change of state is counted ({@link OrderMetrics}), the state before read in the same statement. */
    public void update(FeeOrder order) {
        // every sub-statement of a WITH sees the row as it was before the update: "before" is the old state
        Optional<String> before = jdbc.sql("""
                with before as (select status from fee_order where id = ?)
                update fee_order set status = ?, sent_to_bank_at = ?, expires_at = ?, pay_url = ?, qr_code = ?,
                    paid_at = ?, bank_trade_no = ?, ended_at = ?
                where id = ?
                returning (select status from before)""")
                .params(order.id(), order.status().name(), ts(order.sentToBankAt()), ts(order.expiresAt()),
                        order.payUrl(), order.qrCode(), ts(order.paidAt()), order.bankTradeNo(), ts(order.endedAt()),
                        order.id())
                .query(String.class).optional();
        if (before.isPresent() && !before.get().equals(order.status().name())) {
            metrics.entered(order.status());
        }
    }

    /**
     * The course order lapsed at {@code lapsedAt}: its fee orders lapse then at the latest (the registration close may
     * have been brought forward since the order was placed).
     */
    public void lapsedAt(UUID courseOrderId, Instant lapsedAt) {
        jdbc.sql("""
                update fee_order set lapses_at = least(coalesce(lapses_at, ?), ?)
                where enrollment_id = ? and kind = ?""")
                .params(ts(lapsedAt), ts(lapsedAt), courseOrderId, OrderKind.COURSE_ORDER.name()).update();
    }

    public Optional<FeeOrder> find(UUID id) {
        return jdbc.sql("select * from fee_order where id = ?").param(id).query(OrderRepository::map).optional();
    }

    public Optional<FeeOrder> lock(UUID id) {
        return jdbc.sql("select * from fee_order where id = ? for update").param(id).query(OrderRepository::map).optional();
    }

    public List<FeeOrder> ofEnrollment(UUID enrollmentId) {
        return jdbc.sql("select * from fee_order where enrollment_id = ? order by created_at desc").param(enrollmentId)
                .query(OrderRepository::map).list();
    }

    public List<FeeOrder> ofCandidate(UUID candidateId) {
        return jdbc.sql("select * from fee_order where candidate_id = ? order by created_at desc").param(candidateId)
                .query(OrderRepository::map).list();
    }

    public boolean enrollmentPaidByAnother(UUID enrollmentId, UUID orderId) {
        return jdbc.sql("select count(*) from fee_order where enrollment_id = ? and status = ? and id <> ?")
                .params(enrollmentId, OrderStatus.PAID.name(), orderId).query(Long.class).single() > 0;
    }

    /** Pending orders past their 30 minutes. */
    public List<UUID> due(Instant now, int limit) {
        // a payable-again order (CREATED after 刷新 found no payment) still has its bank order to close
        return jdbc.sql("""
                select id from fee_order where status in (?, ?) and sent_to_bank_at is not null and expires_at <= ?
                order by expires_at limit ?""")
                .params(OrderStatus.PENDING.name(), OrderStatus.CREATED.name(), ts(now), limit).query(UUID.class)
                .list();
    }

    /** Open orders (pending, or payable again with their bank order open) sent to the bank before {@code sentBefore} and not queried since {@code queriedBefore}. */
    public List<UUID> toQuery(Instant sentBefore, Instant queriedBefore, int limit) {
        return jdbc.sql("""
                select id from fee_order where status in (?, ?) and sent_to_bank_at <= ?
                    and (last_queried_at is null or last_queried_at <= ?)
                order by coalesce(last_queried_at, sent_to_bank_at) limit ?""")
                .params(OrderStatus.PENDING.name(), OrderStatus.CREATED.name(), ts(sentBefore), ts(queriedBefore),
                        limit).query(UUID.class).list();
    }

    public void queried(UUID id, Instant at) {
        jdbc.sql("update fee_order set last_queried_at = ? where id = ?").params(ts(at), id).update();
    }

    static FeeOrder map(ResultSet row, int n) throws SQLException {
        return new FeeOrder(row.getObject("id", UUID.class), row.getString("bureau"),
                OrderKind.valueOf(row.getString("kind")), row.getObject("enrollment_id", UUID.class),
                row.getObject("candidate_id", UUID.class), row.getString("exam_code"), row.getString("exam_name"),
                row.getString("region_code"),
                Channel.valueOf(row.getString("channel")), JSON.readValue(row.getString("items"), ITEMS),
                row.getLong("amount_fen"), instant(row, "created_at"),
                new PaymentWindow(instant(row, "payment_opens_at"), instant(row, "payment_closes_at"),
                        row.getString("payment_daily_opens"), row.getString("payment_daily_closes")),
                instant(row, "lapses_at"), OrderStatus.valueOf(row.getString("status")), instant(row, "sent_to_bank_at"), instant(row, "expires_at"),
                row.getString("pay_url"), row.getString("qr_code"), instant(row, "paid_at"), row.getString("bank_trade_no"),
                instant(row, "ended_at"));
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp ts = row.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
