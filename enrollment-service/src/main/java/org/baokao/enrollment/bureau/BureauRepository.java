package org.baokao.enrollment.bureau;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.baokao.enrollment.exam.KnownBureaus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bureaus in PostgreSQL: one {@code bureau} row per bureau, replaced whole by each configuration, pointing at the
 * current version of each of its texts; every version ever published in {@code bureau_text}, never changed.
 */
@Repository
class BureauRepository implements KnownBureaus {

    // Storage has its own mapper, so what is stored never changes with the web layer's JSON settings.
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> TEMPLATES = new TypeReference<>() {
    };
    private static final TypeReference<List<StoredPaymentRule>> RULES = new TypeReference<>() {
    };

    private static final String SELECT = """
            select code, name, short_name, hotline, service_hours, icp, registration_exam_code, registration_gate,
                   password_min_length, password_max_length, password_required_classes, login_needs_sms,
                   sms_signature, sms_templates::text as sms_templates, payment_rules::text as payment_rules,
                   candidate_notice_version, privacy_policy_version, service_agreement_version,
                   integrity_pledge_version, city_contacts_version, poverty_relief_plan_version,
                   user_manual_version, configured_at, configured_by
            from bureau""";

    private final JdbcClient jdbc;

    BureauRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A payment rule as stored: the channel by name, so that the JSON stays readable by hand. */
    record StoredPaymentRule(String regionCode, String channel) {
    }

    @Override
    public boolean isKnown(String bureauCode) {
        return jdbc.sql("select exists (select 1 from bureau where code = ?)").param(bureauCode)
                .query(Boolean.class).single();
    }

    Optional<Bureau> find(String code) {
        return jdbc.sql(SELECT + " where code = ?").param(code).query((row, n) -> row(row)).optional()
                .map(this::withTexts);
    }

    /** Every bureau, by code. */
    List<Bureau> findAll() {
        return jdbc.sql(SELECT + " order by code").query((row, n) -> row(row)).list().stream()
                .map(this::withTexts).toList();
    }

    /**
     * Configurations of one bureau queue behind each other until the transaction ends, the first one too (there is
     * no row to lock yet): two operators publishing the same new version at once cannot both insert it.
     */
    void lock(String code) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('enrollment.bureau:' || ?))").param(code)
                .query((row, n) -> 1).single();
    }

    /** Every text version the bureau has published, oldest first. */
    List<PublishedText> versions(String code) {
        return jdbc.sql("select kind, version, title, text, created_at from bureau_text where bureau = ?"
                        + " order by created_at, kind, version")
                .param(code)
                .query((row, n) -> new PublishedText(new BureauText(TextKind.ofSlug(row.getString("kind")).orElseThrow(),
                        row.getString("version"), row.getString("title"), row.getString("text")),
                        row.getTimestamp("created_at").toInstant()))
                .list();
    }

    Optional<BureauText> text(String code, TextKind kind, String version) {
        return jdbc.sql("select version, title, text from bureau_text where bureau = ? and kind = ? and version = ?")
                .params(code, kind.slug(), version)
                .query((row, n) -> new BureauText(kind, row.getString("version"), row.getString("title"),
                        row.getString("text")))
                .optional();
    }

    /** Stores the bureau (a new one, or replacing it) and the text versions it publishes for the first time. */
    void save(Bureau bureau, List<BureauText> newVersions) {
        jdbc.sql("""
                insert into bureau (code, name, short_name, hotline, service_hours, icp, registration_exam_code,
                                    registration_gate, password_min_length, password_max_length,
                                    password_required_classes, login_needs_sms, sms_signature, sms_templates,
                                    payment_rules, candidate_notice_version, privacy_policy_version,
                                    service_agreement_version, integrity_pledge_version, city_contacts_version,
                                    poverty_relief_plan_version, user_manual_version, configured_at, configured_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (code) do update set name = excluded.name, short_name = excluded.short_name,
                    hotline = excluded.hotline, service_hours = excluded.service_hours, icp = excluded.icp,
                    registration_exam_code = excluded.registration_exam_code,
                    registration_gate = excluded.registration_gate,
                    password_min_length = excluded.password_min_length,
                    password_max_length = excluded.password_max_length,
                    password_required_classes = excluded.password_required_classes,
                    login_needs_sms = excluded.login_needs_sms, sms_signature = excluded.sms_signature,
                    sms_templates = excluded.sms_templates, payment_rules = excluded.payment_rules,
                    candidate_notice_version = excluded.candidate_notice_version,
                    privacy_policy_version = excluded.privacy_policy_version,
                    service_agreement_version = excluded.service_agreement_version,
                    integrity_pledge_version = excluded.integrity_pledge_version,
                    city_contacts_version = excluded.city_contacts_version,
                    poverty_relief_plan_version = excluded.poverty_relief_plan_version,
                    user_manual_version = excluded.user_manual_version,
                    configured_at = excluded.configured_at, configured_by = excluded.configured_by""")
                .params(bureau.code(), bureau.name(), bureau.shortName(), bureau.hotline(), bureau.serviceHours(),
                        bureau.icp(), bureau.registrationExamCode(), bureau.registrationGate().name(),
                        bureau.password().minLength(), bureau.password().maxLength(),
                        bureau.password().requiredClasses(), bureau.loginNeedsSms(), bureau.smsSignature(),
                        JSON.writeValueAsString(bureau.smsTemplates()),
                        JSON.writeValueAsString(bureau.paymentRules().stream()
                                .map(rule -> new StoredPaymentRule(rule.regionCode(), rule.channel().name())).toList()),
                        bureau.versionOf(TextKind.CANDIDATE_NOTICE), bureau.versionOf(TextKind.PRIVACY_POLICY),
                        bureau.versionOf(TextKind.SERVICE_AGREEMENT), bureau.versionOf(TextKind.INTEGRITY_PLEDGE),
                        bureau.versionOf(TextKind.CITY_CONTACTS), bureau.versionOf(TextKind.POVERTY_RELIEF_PLAN),
                        bureau.versionOf(TextKind.USER_MANUAL), Timestamp.from(bureau.configuredAt()), bureau.configuredBy())
                .update();
        for (BureauText text : newVersions) {
            jdbc.sql("insert into bureau_text (bureau, kind, version, title, text, created_at) values (?, ?, ?, ?, ?, ?)")
                    .params(bureau.code(), text.kind().slug(), text.version(), text.title(), text.text(),
                            Timestamp.from(bureau.configuredAt()))
                    .update();
        }
    }

    /** A bureau row with the versions it points at; its texts are read by {@link #withTexts}. */
    private record Row(Bureau withoutTexts, Map<TextKind, String> versions) {
    }

    private static Row row(ResultSet row) throws SQLException {
        Map<TextKind, String> versions = new LinkedHashMap<>();
        versions.put(TextKind.CANDIDATE_NOTICE, row.getString("candidate_notice_version"));
        versions.put(TextKind.PRIVACY_POLICY, row.getString("privacy_policy_version"));
        versions.put(TextKind.SERVICE_AGREEMENT, row.getString("service_agreement_version"));
        versions.put(TextKind.INTEGRITY_PLEDGE, row.getString("integrity_pledge_version"));
        versions.put(TextKind.CITY_CONTACTS, row.getString("city_contacts_version"));
        versions.put(TextKind.POVERTY_RELIEF_PLAN, row.getString("poverty_relief_plan_version"));
        versions.put(TextKind.USER_MANUAL, row.getString("user_manual_version"));
        List<Bureau.PaymentRule> rules = JSON.readValue(row.getString("payment_rules"), RULES).stream()
                .map(rule -> new Bureau.PaymentRule(rule.regionCode(), PaymentChannel.valueOf(rule.channel())))
                .toList();
        Bureau bureau = new Bureau(row.getString("code"), row.getString("name"), row.getString("short_name"),
                row.getString("hotline"), row.getString("service_hours"), row.getString("icp"),
                row.getString("registration_exam_code"), RegistrationGate.valueOf(row.getString("registration_gate")),
                new Bureau.PasswordRule(row.getInt("password_min_length"), row.getInt("password_max_length"),
                        row.getInt("password_required_classes")),
                row.getBoolean("login_needs_sms"), row.getString("sms_signature"),
                JSON.readValue(row.getString("sms_templates"), TEMPLATES), rules, Map.of(),
                row.getTimestamp("configured_at").toInstant(), row.getString("configured_by"));
        return new Row(bureau, versions);
    }

    private Bureau withTexts(Row row) {
        Bureau bureau = row.withoutTexts();
        Map<TextKind, BureauText> texts = new LinkedHashMap<>();
        jdbc.sql("""
                select t.kind, t.version, t.title, t.text
                from bureau b join bureau_text t on t.bureau = b.code and t.version = case t.kind
                    when 'candidate-notice' then b.candidate_notice_version
                    when 'privacy-policy' then b.privacy_policy_version
                    when 'service-agreement' then b.service_agreement_version
                    when 'integrity-pledge' then b.integrity_pledge_version
                    when 'city-contacts' then b.city_contacts_version
                    when 'poverty-relief-plan' then b.poverty_relief_plan_version
                    when 'user-manual' then b.user_manual_version end
                where b.code = ?""")
                .param(bureau.code())
                .query((text, n) -> new BureauText(TextKind.ofSlug(text.getString("kind")).orElseThrow(),
                        text.getString("version"), text.getString("title"), text.getString("text")))
                .list().forEach(text -> texts.put(text.kind(), text));
        row.versions().forEach((kind, version) -> {
            if (version != null && !texts.containsKey(kind)) {
                throw new IllegalStateException("bureau " + bureau.code() + " points at " + kind.slug() + " "
                        + version + ", which is not stored");
            }
        });
        return new Bureau(bureau.code(), bureau.name(), bureau.shortName(), bureau.hotline(), bureau.serviceHours(),
                bureau.icp(), bureau.registrationExamCode(), bureau.registrationGate(), bureau.password(),
                bureau.loginNeedsSms(), bureau.smsSignature(), bureau.smsTemplates(), bureau.paymentRules(), texts,
                bureau.configuredAt(), bureau.configuredBy());
    }
}
