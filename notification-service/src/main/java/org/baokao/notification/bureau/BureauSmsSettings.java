package org.baokao.notification.bureau;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.baokao.events.enrollment.BureauConfigured;
import org.baokao.web.bureau.BureauProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * This service's copy of each bureau's SMS settings ({@code bureau_sms}, {@code bureau_sms_template}), kept from
 * enrollment-service's {@link BureauConfigured}. Read on every send, so a new signature or wording applies at once.
 */
@Repository
public class BureauSmsSettings {

    private final JdbcClient jdbc;
    private final String defaultBureau;

    BureauSmsSettings(JdbcClient jdbc, BureauProperties bureaus) {
        this.jdbc = jdbc;
        this.defaultBureau = bureaus.defaultCode();
    }

    /** The bureau a request is for: events from before bureaus name none and were all the default bureau's. */
    public String bureauOf(String code) {
        return code == null || code.isBlank() ? defaultBureau : code;
    }

    /** The bureau's settings; empty while none has arrived, or when its configuration has no signature to sign with. */
    public Optional<BureauSms> find(String bureau) {
        Optional<String> signature = jdbc.sql("select signature from bureau_sms where bureau = ?").param(bureau)
                .query(String.class).optional().filter(text -> !text.isBlank());
        if (signature.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> wordings = jdbc.sql("select code, content from bureau_sms_template where bureau = ?")
                .param(bureau)
                .query((row, n) -> Map.entry(row.getString("code"), row.getString("content"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return Optional.of(new BureauSms(bureau, signature.get(), wordings));
    }

    /**
     * Keeps {@code configured} unless the settings held are of a later configuration (events of one bureau may
     * arrive out of order after a replay). Answers whether it was kept. Runs in the caller's transaction.
     */
    boolean keep(BureauConfigured configured, Instant configuredAt) {
        int kept = jdbc.sql("""
                insert into bureau_sms (bureau, signature, configured_at) values (?, ?, ?)
                on conflict (bureau) do update set signature = excluded.signature,
                    configured_at = excluded.configured_at
                where bureau_sms.configured_at <= excluded.configured_at""")
                .params(configured.code(), configured.smsSignature() == null ? "" : configured.smsSignature(),
                        Timestamp.from(configuredAt))
                .update();
        if (kept == 0) {
            return false;
        }
        jdbc.sql("delete from bureau_sms_template where bureau = ?").param(configured.code()).update();
        configured.smsTemplates().forEach((code, content) -> jdbc.sql(
                "insert into bureau_sms_template (bureau, code, content) values (?, ?, ?)")
                .params(configured.code(), code, content).update());
        return true;
    }
}
