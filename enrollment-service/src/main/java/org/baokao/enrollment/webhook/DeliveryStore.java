package org.baokao.enrollment.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.baokao.personaldata.Sealed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code webhook_delivery} and {@code webhook_attempt} rows (V14). The worker claims due deliveries with
 * {@code for update skip locked} and a lease, so instances never send one delivery at the same time, and records an
 * outcome only under its own lease.
 */
@Repository
class DeliveryStore {

    private static final String COLUMNS = """
            d.id, d.seq, d.subscription_id, d.client_id, d.bureau, s.url, d.event_id, d.event_type, d.body, d.status,
            d.attempts, d.next_attempt_at, d.last_attempt_at, d.last_status_code, d.last_error, d.delivered_at,
            d.dead_at, d.redelivered_at, d.created_at""";
    private static final String FROM = " from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id";

    private final JdbcClient jdbc;

    DeliveryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new PENDING delivery, due at once; nothing when this event already has one for this subscription. */
    boolean insert(NewDelivery delivery) {
        return jdbc.sql("""
                insert into webhook_delivery (id, subscription_id, client_id, bureau, event_id, event_type,
                    candidate_id, body, status, next_attempt_at, created_at)
                values (:id, :subscription, :client, :bureau, :event, :type, :candidate, :body, 'PENDING', :now, :now)
                on conflict (event_id, subscription_id) do nothing""")
                .param("id", delivery.id()).param("subscription", delivery.subscriptionId())
                .param("client", delivery.clientId()).param("bureau", delivery.bureau())
                .param("event", delivery.eventId()).param("type", delivery.eventType())
                .param("candidate", delivery.candidateId()).param("body", delivery.body())
                .param("now", Timestamp.from(delivery.createdAt())).update() == 1;
    }

    /**
     * Claims up to {@code limit} due deliveries for this instance until {@code leaseUntil}: PENDING, due, not locked
     * by another instance's claim, and with no earlier PENDING delivery of the same subscription and candidate
     * (order per candidate; a DEAD one no longer holds the others back). One statement, so the claim is atomic.
     */
    List<Claimed> claimDue(Instant now, Instant leaseUntil, int limit) {
        return jdbc.sql("""
                with due as (
                    select d.id from webhook_delivery d
                    where d.status = 'PENDING' and d.next_attempt_at <= :now
                      and not exists (select 1 from webhook_delivery earlier
                                      where earlier.subscription_id = d.subscription_id
                                        and earlier.candidate_id = d.candidate_id
                                        and earlier.status = 'PENDING' and earlier.seq < d.seq)
                    order by d.next_attempt_at, d.seq
                    limit :limit
                    for update of d skip locked)
                update webhook_delivery d set next_attempt_at = :leaseUntil, lease_token = gen_random_uuid()
                from due, webhook_subscription s
                where d.id = due.id and s.id = d.subscription_id
                returning d.id, d.lease_token, d.subscription_id, d.event_id, d.event_type, d.body,
                    d.failures_in_row, s.url, s.secret_key_id, s.secret, s.previous_secret_key_id, s.previous_secret,
                    s.previous_secret_until""")
                .param("now", Timestamp.from(now)).param("leaseUntil", Timestamp.from(leaseUntil))
                .param("limit", limit)
                .query((row, n) -> {
                    String previousKeyId = row.getString("previous_secret_key_id");
                    return new Claimed(row.getObject("id", UUID.class), row.getObject("lease_token", UUID.class),
                            row.getObject("subscription_id", UUID.class), row.getObject("event_id", UUID.class),
                            row.getString("event_type"), row.getString("body"), row.getInt("failures_in_row"),
                            row.getString("url"), new Sealed(row.getString("secret_key_id"), row.getBytes("secret")),
                            previousKeyId == null ? null : new Sealed(previousKeyId, row.getBytes("previous_secret")),
                            instant(row, "previous_secret_until"));
                }).list();
    }

    /**
     * The outcome of one attempt under this instance's lease: DELIVERED, DEAD, or PENDING again at {@code nextAt}.
     * False (nothing written) when the lease was lost: another instance took the delivery over, or it was deleted.
     */
    @Transactional
    boolean record(Claimed claimed, Attempt attempt, DeliveryStatus status, Instant nextAt) {
        int updated = jdbc.sql("""
                update webhook_delivery set status = :status, attempts = attempts + 1,
                    failures_in_row = case when :succeeded then 0 else failures_in_row + 1 end,
                    next_attempt_at = :next, lease_token = null, last_attempt_at = :at, last_status_code = :code,
                    last_error = :error,
                    delivered_at = case when :status = 'DELIVERED' then :at else delivered_at end,
                    dead_at = case when :status = 'DEAD' then :at else dead_at end
                where id = :id and lease_token = :token""")
                .param("id", claimed.id()).param("token", claimed.leaseToken()).param("status", status.name())
                .param("succeeded", attempt.succeeded())
                .param("next", nextAt == null ? null : Timestamp.from(nextAt))
                .param("at", Timestamp.from(attempt.at())).param("code", attempt.statusCode())
                .param("error", attempt.error()).update();
        if (updated == 0) {
            return false;
        }
        jdbc.sql("""
                insert into webhook_attempt (delivery_id, attempted_at, status_code, error, duration_ms, succeeded)
                values (:id, :at, :code, :error, :duration, :succeeded)""")
                .param("id", claimed.id()).param("at", Timestamp.from(attempt.at()))
                .param("code", attempt.statusCode()).param("error", attempt.error())
                .param("duration", (int) Math.min(Integer.MAX_VALUE, attempt.durationMs()))
                .param("succeeded", attempt.succeeded()).update();
        return true;
    }

    long pending() {
        return jdbc.sql("select count(*) from webhook_delivery where status = 'PENDING'").query(Long.class).single();
    }

    /** A partner's deliveries, newest first, older than the cursor's {@code beforeSeq} (null: from the newest). */
    List<DeliveryRow> ofPartner(String clientId, DeliveryStatus status, Long beforeSeq, int limit) {
        return jdbc.sql("select " + COLUMNS + FROM + " " + """
                where d.client_id = :client and (cast(:status as varchar) is null or d.status = :status)
                  and (cast(:before as bigint) is null or d.seq < :before)
                order by d.seq desc limit :limit""")
                .param("client", clientId).param("status", status == null ? null : status.name())
                .param("before", beforeSeq).param("limit", limit).query((row, n) -> delivery(row)).list();
    }

    /** A bureau's deliveries for its operators, newest first, optionally one status and one partner's. */
    List<DeliveryRow> ofBureau(String bureau, DeliveryStatus status, String clientId, long offset, int limit) {
        return jdbc.sql("select " + COLUMNS + FROM + " " + BUREAU_FILTER
                + " order by d.seq desc limit :limit offset :offset")
                .param("bureau", bureau).param("status", status == null ? null : status.name())
                .param("client", clientId).param("limit", limit).param("offset", offset)
                .query((row, n) -> delivery(row)).list();
    }

    long countOfBureau(String bureau, DeliveryStatus status, String clientId) {
        return jdbc.sql("select count(*)" + FROM + " " + BUREAU_FILTER).param("bureau", bureau)
                .param("status", status == null ? null : status.name()).param("client", clientId)
                .query(Long.class).single();
    }

    private static final String BUREAU_FILTER = """
            where d.bureau = :bureau and (cast(:status as varchar) is null or d.status = :status)
              and (cast(:client as varchar) is null or d.client_id = :client)""";

    /** The newest {@code perDelivery} attempts of each delivery, oldest first. */
    Map<UUID, List<AttemptRow>> attempts(List<UUID> deliveryIds, int perDelivery) {
        Map<UUID, List<AttemptRow>> byDelivery = new LinkedHashMap<>();
        if (deliveryIds.isEmpty()) {
            return byDelivery;
        }
        jdbc.sql("""
                select delivery_id, attempted_at, status_code, error, duration_ms, succeeded from (
                    select a.*, row_number() over (partition by delivery_id order by id desc) as newest
                    from webhook_attempt a where delivery_id = any(:ids)) numbered
                where newest <= :per order by delivery_id, attempted_at, newest desc""")
                .param("ids", deliveryIds.toArray(UUID[]::new)).param("per", perDelivery)
                .query((row, n) -> {
                    Integer code = row.getObject("status_code", Integer.class);
                    return new AttemptRow(row.getObject("delivery_id", UUID.class),
                            row.getTimestamp("attempted_at").toInstant(), code, row.getString("error"),
                            row.getInt("duration_ms"), row.getBoolean("succeeded"));
                }).list()
                .forEach(attempt -> byDelivery.computeIfAbsent(attempt.deliveryId(), id -> new ArrayList<>())
                        .add(attempt));
        return byDelivery;
    }

    /** The partner's own delivery, locked for a redelivery. */
    Optional<DeliveryRow> lockOfPartner(String clientId, UUID id) {
        return jdbc.sql("select " + COLUMNS + FROM + " where d.id = :id and d.client_id = :client for update of d")
                .param("id", id).param("client", clientId).query((row, n) -> delivery(row)).optional();
    }

    /** One of the bureau's deliveries, locked for an operator's redelivery. */
    Optional<DeliveryRow> lockOfBureau(String bureau, UUID id) {
        return jdbc.sql("select " + COLUMNS + FROM + " where d.id = :id and d.bureau = :bureau for update of d")
                .param("id", id).param("bureau", bureau).query((row, n) -> delivery(row)).optional();
    }

    Optional<DeliveryRow> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + FROM + " where d.id = :id").param("id", id)
                .query((row, n) -> delivery(row)).optional();
    }

    /** Queues a DELIVERED or DEAD delivery again, due now, with the whole retry schedule ahead of it. */
    void requeue(UUID id, Instant now) {
        jdbc.sql("""
                update webhook_delivery set status = 'PENDING', failures_in_row = 0, next_attempt_at = :now,
                    lease_token = null, delivered_at = null, dead_at = null, redelivered_at = :now
                where id = :id""").param("id", id).param("now", Timestamp.from(now)).update();
    }

    private static DeliveryRow delivery(ResultSet row) throws SQLException {
        Integer code = row.getObject("last_status_code", Integer.class);
        return new DeliveryRow(row.getObject("id", UUID.class), row.getLong("seq"),
                row.getObject("subscription_id", UUID.class), row.getString("client_id"), row.getString("bureau"),
                row.getString("url"), row.getObject("event_id", UUID.class), row.getString("event_type"),
                row.getString("body"), DeliveryStatus.valueOf(row.getString("status")), row.getInt("attempts"),
                instant(row, "next_attempt_at"), instant(row, "last_attempt_at"), code, row.getString("last_error"),
                instant(row, "delivered_at"), instant(row, "dead_at"), instant(row, "redelivered_at"),
                instant(row, "created_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    record NewDelivery(UUID id, UUID subscriptionId, String clientId, String bureau, UUID eventId, String eventType,
            UUID candidateId, String body, Instant createdAt) {
    }

    /** A delivery this instance claimed: what to send, where, signed with which secrets. */
    record Claimed(UUID id, UUID leaseToken, UUID subscriptionId, UUID eventId, String eventType, String body,
            int failuresInRow, String url, Sealed secret, Sealed previousSecret, Instant previousUntil) {
    }

    /** One try: when, the HTTP status (null when none came), the error in words, how long it took. */
    record Attempt(Instant at, Integer statusCode, String error, long durationMs, boolean succeeded) {
    }

    record DeliveryRow(UUID id, long seq, UUID subscriptionId, String clientId, String bureau, String url,
            UUID eventId, String eventType, String body, DeliveryStatus status, int attempts, Instant nextAttemptAt,
            Instant lastAttemptAt, Integer lastStatusCode, String lastError, Instant deliveredAt, Instant deadAt,
            Instant redeliveredAt, Instant createdAt) {
    }

    record AttemptRow(UUID deliveryId, Instant at, Integer statusCode, String error, int durationMs,
            boolean succeeded) {
    }
}
