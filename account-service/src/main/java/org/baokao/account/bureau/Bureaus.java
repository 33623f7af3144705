package org.baokao.account.bureau;

import java.sql.Timestamp;
import java.util.Optional;

import org.baokao.events.enrollment.BureauConfigured;
import org.baokao.messaging.consumer.EventHandler;
import org.baokao.web.bureau.BureauAddress;
import org.baokao.web.bureau.RequestBureau;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The bureaus (考试院) this platform serves, as enrollment-service, their owner, last configured them (BUR-1): kept
 * from its {@link BureauConfigured} events, never asked for, so registration and login work while
 * enrollment-service is down. Only what account-service needs is kept; a newer configuration replaces it whole.
 */
@Repository
public class Bureaus {

    /**
     * The one consumer of {@code enrollment.events} in this service (libs/messaging: one per topic per service).
     * Named for the exam catalogue, the first of those events it kept; the name stays, so its consumer group keeps
     * its place in the topic.
     */
    public static final String ENROLLMENT_CONSUMER = "account-service.exam-catalogue";
    private static final Logger log = LoggerFactory.getLogger(Bureaus.class);

    private final JdbcClient jdbc;

    Bureaus(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A configuration older than the one held is ignored (a replayed or late event changes nothing). A
     * configuration that is not a bureau's (no exam, an impossible password rule) throws: retried, then
     * dead-lettered for operators to see, and the bureau keeps its last good configuration.
     */
    @EventHandler(ENROLLMENT_CONSUMER)
    void configured(BureauConfigured configured) {
        if (keep(configured)) {
            log.info("Bureau {} configured as of {}: exam {}, gate {}, login {}", configured.code(),
                    configured.configuredAt(), configured.registrationExamCode(), configured.registrationGate(),
                    configured.loginNeedsSms() ? "with SMS code" : "without SMS code");
        } else {
            log.info("Bureau {}: configuration of {} is not newer than the one held; ignored", configured.code(),
                    configured.configuredAt());
        }
    }

    /** Keeps the configuration unless a newer one (or the same) is held; returns whether it was kept. */
    public boolean keep(BureauConfigured configured) {
        Bureau bureau = of(configured);
        return jdbc.sql("""
                insert into bureau (code, name, registration_exam_code, registration_gate, password_min_length,
                    password_max_length, password_required_classes, login_needs_sms, privacy_policy_version,
                    service_agreement_version, integrity_pledge_version, configured_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (code) do update set name = excluded.name,
                    registration_exam_code = excluded.registration_exam_code,
                    registration_gate = excluded.registration_gate,
                    password_min_length = excluded.password_min_length,
                    password_max_length = excluded.password_max_length,
                    password_required_classes = excluded.password_required_classes,
                    login_needs_sms = excluded.login_needs_sms,
                    privacy_policy_version = excluded.privacy_policy_version,
                    service_agreement_version = excluded.service_agreement_version,
                    integrity_pledge_version = excluded.integrity_pledge_version,
                    configured_at = excluded.configured_at, received_at = now()
                where bureau.configured_at < excluded.configured_at""")
                .params(bureau.code(), bureau.name(), bureau.registrationExamCode(), bureau.gate().name(),
                        bureau.password().minLength(), bureau.password().maxLength(),
                        bureau.password().requiredClasses(), bureau.loginNeedsSms(), bureau.privacyPolicyVersion(),
                        bureau.serviceAgreementVersion(), bureau.integrityPledgeVersion(),
                        Timestamp.from(configured.configuredAt()))
                .update() == 1;
    }

    /** The bureau a request is addressed to; one this platform does not serve is 404 {@code BUREAU_NOT_FOUND}. */
    public Bureau of(RequestBureau addressed) {
        return of(addressed.code());
    }

    /** The bureau of {@code code} (an account's), or 404 {@code BUREAU_NOT_FOUND}. */
    public Bureau of(String code) {
        return find(code).orElseThrow(RequestBureau::notFound);
    }

    public Optional<Bureau> find(String code) {
        return jdbc.sql("""
                select code, name, registration_exam_code, registration_gate, password_min_length,
                       password_max_length, password_required_classes, login_needs_sms, privacy_policy_version,
                       service_agreement_version, integrity_pledge_version
                from bureau where code = ?""")
                .param(code)
                .query((row, n) -> new Bureau(row.getString("code"), row.getString("name"),
                        row.getString("registration_exam_code"),
                        RegistrationGate.valueOf(row.getString("registration_gate")),
                        new Bureau.PasswordRule(row.getInt("password_min_length"), row.getInt("password_max_length"),
                                row.getInt("password_required_classes")),
                        row.getBoolean("login_needs_sms"), row.getString("privacy_policy_version"),
                        row.getString("service_agreement_version"), row.getString("integrity_pledge_version")))
                .optional();
    }

    private static Bureau of(BureauConfigured configured) {
        if (!BureauAddress.isCode(configured.code())) {
            throw new IllegalArgumentException("not a bureau code: " + configured.code());
        }
        if (configured.configuredAt() == null || configured.password() == null) {
            throw new IllegalArgumentException("bureau " + configured.code() + ": configuration without "
                    + (configured.configuredAt() == null ? "its time" : "a password rule"));
        }
        BureauConfigured.PasswordRule rule = configured.password();
        return new Bureau(configured.code(), configured.name(), configured.registrationExamCode(),
                RegistrationGate.valueOf(configured.registrationGate()),
                new Bureau.PasswordRule(rule.minLength(), rule.maxLength(), rule.requiredClasses()),
                configured.loginNeedsSms(), configured.privacyPolicyVersion(), configured.serviceAgreementVersion(),
                configured.integrityPledgeVersion());
    }
}
