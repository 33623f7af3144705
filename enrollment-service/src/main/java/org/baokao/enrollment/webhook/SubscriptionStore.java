package org.baokao.enrollment.webhook;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.baokao.personaldata.Sealed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code webhook_partner} and {@code webhook_subscription} rows (V14). */
@Repository
class SubscriptionStore {

    private static final String COLUMNS = """
            id, client_id, bureau, url, events, secret_key_id, secret, previous_secret_key_id, previous_secret,
            previous_secret_until, created_at, rotated_at""";

    private final JdbcClient jdbc;

    SubscriptionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the partner's candidate-reference key unless it has one already (two first subscriptions racing). */
    void ensurePartner(String clientId, Sealed candidateKey, Instant now) {
        jdbc.sql("""
                insert into webhook_partner (client_id, candidate_key_id, candidate_key, created_at)
                values (:client, :keyId, :key, :now) on conflict (client_id) do nothing""")
                .param("client", clientId).param("keyId", candidateKey.keyId()).param("key", candidateKey.data())
                .param("now", Timestamp.from(now)).update();
    }

    Optional<Sealed> candidateKey(String clientId) {
        return jdbc.sql("select candidate_key_id, candidate_key from webhook_partner where client_id = :client")
                .param("client", clientId)
                .query((row, n) -> new Sealed(row.getString(1), row.getBytes(2))).optional();
    }

    void insert(Subscription subscription) {
        jdbc.sql("""
                insert into webhook_subscription (id, client_id, bureau, url, events, secret_key_id, secret,
                    created_at)
                values (:id, :client, :bureau, :url, :events, :keyId, :secret, :createdAt)""")
                .param("id", subscription.id()).param("client", subscription.clientId())
                .param("bureau", subscription.bureau()).param("url", subscription.url())
                .param("events", wireNames(subscription.events()))
                .param("keyId", subscription.secret().keyId()).param("secret", subscription.secret().data())
                .param("createdAt", Timestamp.from(subscription.createdAt())).update();
    }

    long countOf(String clientId) {
        return jdbc.sql("select count(*) from webhook_subscription where client_id = :client")
                .param("client", clientId).query(Long.class).single();
    }

    /** The partner's number of subscriptions, its row locked first: registrations of one partner take turns. */
    long countOfLocked(String clientId) {
        jdbc.sql("select client_id from webhook_partner where client_id = :client for update")
                .param("client", clientId).query(String.class).list();
        return countOf(clientId);
    }

    List<Subscription> of(String clientId) {
        return jdbc.sql("select " + COLUMNS + " from webhook_subscription where client_id = :client"
                + " order by created_at, id").param("client", clientId).query((row, n) -> subscription(row)).list();
    }

    /** The partner's own subscription, locked for a rotation. */
    Optional<Subscription> lockOwn(String clientId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from webhook_subscription where id = :id and client_id = :client"
                + " for update").param("id", id).param("client", clientId).query((row, n) -> subscription(row))
                .optional();
    }

    void rotate(UUID id, Sealed secret, Sealed previous, Instant previousUntil, Instant now) {
        jdbc.sql("""
                update webhook_subscription set secret_key_id = :keyId, secret = :secret,
                    previous_secret_key_id = :previousKeyId, previous_secret = :previous,
                    previous_secret_until = :until, rotated_at = :now
                where id = :id""")
                .param("id", id).param("keyId", secret.keyId()).param("secret", secret.data())
                .param("previousKeyId", previous.keyId()).param("previous", previous.data())
                .param("until", Timestamp.from(previousUntil)).param("now", Timestamp.from(now)).update();
    }

    /** Deletes the partner's own subscription and (cascade) its deliveries; false when it has none of that id. */
    boolean delete(String clientId, UUID id) {
        return jdbc.sql("delete from webhook_subscription where id = :id and client_id = :client")
                .param("id", id).param("client", clientId).update() == 1;
    }

    /** The subscriptions of the bureau that want {@code type}: their ids and partners. */
    List<Match> wanting(String bureau, WebhookEventType type) {
        return jdbc.sql("""
                select id, client_id from webhook_subscription where bureau = :bureau and :type = any(events)
                order by created_at, id""")
                .param("bureau", bureau).param("type", type.wireName())
                .query((row, n) -> new Match(row.getObject(1, UUID.class), row.getString(2))).list();
    }

    record Match(UUID subscriptionId, String clientId) {
    }

    private static String[] wireNames(Set<WebhookEventType> events) {
        return EnumSet.copyOf(events).stream().map(WebhookEventType::wireName).toArray(String[]::new);
    }

    private static Subscription subscription(ResultSet row) throws SQLException {
        Set<WebhookEventType> events = EnumSet.noneOf(WebhookEventType.class);
        Array array = row.getArray("events");
        for (Object name : (Object[]) array.getArray()) {
            events.add(WebhookEventType.ofWireName((String) name));
        }
        String previousKeyId = row.getString("previous_secret_key_id");
        Timestamp until = row.getTimestamp("previous_secret_until");
        Timestamp rotated = row.getTimestamp("rotated_at");
        return new Subscription(row.getObject("id", UUID.class), row.getString("client_id"), row.getString("bureau"),
                row.getString("url"), events, new Sealed(row.getString("secret_key_id"), row.getBytes("secret")),
                previousKeyId == null ? null : new Sealed(previousKeyId, row.getBytes("previous_secret")),
                until == null ? null : until.toInstant(), row.getTimestamp("created_at").toInstant(),
                rotated == null ? null : rotated.toInstant());
    }
}
