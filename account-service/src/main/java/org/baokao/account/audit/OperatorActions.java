package org.baokao.account.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.baokao.events.operator.OperatorActed;
import org.baokao.messaging.consumer.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail (OPS-3): every {@link OperatorActed} any service recorded, kept once per action id (a replayed
 * event changes nothing), and searched by the bureau's auditors and administrators.
 */
@Repository
public class OperatorActions {

    /** The one consumer of {@code operator.actions}. */
    static final String CONSUMER = "account-service.audit-trail";
    private static final Logger log = LoggerFactory.getLogger(OperatorActions.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    OperatorActions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler(CONSUMER)
    void acted(OperatorActed acted) {
        if (!keep(acted)) {
            log.debug("Operator action {} already kept", acted.actionId());
        }
    }

    /** Stores the action unless it is stored already; whether it was new. */
    public boolean keep(OperatorActed acted) {
        return jdbc.sql("""
                insert into operator_action (action_id, bureau_code, operator_subject, operator_username,
                    operator_name, operator_roles, service, action, subject_type, subject_id, subject_label, reason,
                    details, acted_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)
                on conflict (action_id) do nothing""")
                .params(acted.actionId(), acted.bureau(), acted.operatorSubject(),
                        orElse(acted.operatorUsername(), acted.operatorSubject()),
                        orElse(acted.operatorName(), acted.operatorSubject()),
                        acted.operatorRoles() == null ? "" : String.join(",", acted.operatorRoles()),
                        orElse(acted.service(), ""), acted.action(), acted.subjectType(), acted.subjectId(),
                        acted.subjectLabel(), acted.reason(),
                        JSON.writeValueAsString(acted.details() == null ? Map.of() : acted.details()),
                        Timestamp.from(acted.actedAt()))
                .update() == 1;
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    /** What an auditor searches by; null fields do not narrow. {@code to} is exclusive. */
    public record Filter(String bureau, String operatorUsername, String action, String subjectType, String subjectId,
            Instant from, Instant to) {
    }

    /** One action as the trail shows it. */
    public record Action(UUID actionId, String operatorUsername, String operatorName, List<String> operatorRoles,
            String service, String action, String subjectType, String subjectId, String subjectLabel, String reason,
            Map<String, String> details, Instant actedAt) {
    }

    /** The bureau's actions matching the filter, newest first. */
    public Paging.Page<Action> search(Filter filter, Paging paging) {
        StringBuilder where = new StringBuilder("bureau_code = ?");
        List<Object> params = new ArrayList<>();
        params.add(filter.bureau());
        narrow(where, params, "operator_username = ?", filter.operatorUsername());
        narrow(where, params, "action = ?", filter.action());
        narrow(where, params, "subject_type = ?", filter.subjectType());
        narrow(where, params, "subject_id = ?", filter.subjectId());
        narrow(where, params, "acted_at >= ?", filter.from() == null ? null : Timestamp.from(filter.from()));
        narrow(where, params, "acted_at < ?", filter.to() == null ? null : Timestamp.from(filter.to()));
        long total = jdbc.sql("select count(*) from operator_action where " + where).params(params)
                .query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(paging.size());
        pageParams.add(paging.offset());
        List<Action> items = jdbc.sql("""
                select action_id, operator_username, operator_name, operator_roles, service, action, subject_type,
                    subject_id, subject_label, reason, details::text, acted_at
                from operator_action where
                """ + where + " order by acted_at desc, action_id limit ? offset ?")
                .params(pageParams)
                .query((row, n) -> new Action(row.getObject("action_id", UUID.class),
                        row.getString("operator_username"), row.getString("operator_name"),
                        roles(row.getString("operator_roles")), row.getString("service"), row.getString("action"),
                        row.getString("subject_type"), row.getString("subject_id"), row.getString("subject_label"),
                        row.getString("reason"), JSON.readValue(row.getString("details"), DETAILS),
                        row.getTimestamp("acted_at").toInstant()))
                .list();
        return paging.page(items, total);
    }

    private static void narrow(StringBuilder where, List<Object> params, String condition, Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            return;
        }
        where.append(" and ").append(condition);
        params.add(value instanceof String text ? text.strip() : value);
    }

    private static List<String> roles(String joined) {
        return joined == null || joined.isBlank() ? List.of() : List.of(joined.split(","));
    }
}
