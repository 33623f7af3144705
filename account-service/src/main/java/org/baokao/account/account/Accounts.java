package org.baokao.account.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.baokao.account.identity.IdDocument;
import org.baokao.account.identity.IdType;
import org.baokao.personaldata.LookupHasher;
import org.baokao.personaldata.Masking;
import org.baokao.personaldata.PersonalDataProtector;
import org.baokao.personaldata.Sealed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Candidate accounts in PostgreSQL: sealed personal data, found by keyed hash. */
@Repository
public class Accounts {

    private final JdbcClient jdbc;
    private final PersonalDataProtector protector;
    private final LookupHasher hasher;

    Accounts(JdbcClient jdbc, PersonalDataProtector protector, LookupHasher hasher) {
        this.jdbc = jdbc;
        this.protector = protector;
        this.hasher = hasher;
    }

    /**
     * What a new account is made of; the caller has checked every rule. {@code bureau} is the bureau (考试院) the
     * account belongs to (BUR-1). {@code universityCode} and {@code majorCode} are an open registration's choice
     * (ACC-3), null otherwise. {@code email} (SST-1, sealed like the phone) and {@code integrityPledgeVersion} (the
     * 考生诚信承诺书 agreed to at {@code consentedAt}) may be null.
     */
    public record NewAccount(String bureau, String examCode, IdDocument id, String name, String phone,
            String passwordHash, UUID rosterEntryId, String privacyPolicyVersion, String serviceTermsVersion,
            Instant consentedAt, boolean mustChangePassword, boolean phoneVerified, String universityCode,
            String majorCode, EmailAddress email, String integrityPledgeVersion) {

        /** An account without an e-mail or an integrity pledge (a roster registration, an import). */
        public NewAccount(String bureau, String examCode, IdDocument id, String name, String phone,
                String passwordHash, UUID rosterEntryId, String privacyPolicyVersion, String serviceTermsVersion,
                Instant consentedAt, boolean mustChangePassword, boolean phoneVerified, String universityCode,
                String majorCode) {
            this(bureau, examCode, id, name, phone, passwordHash, rosterEntryId, privacyPolicyVersion,
                    serviceTermsVersion, consentedAt, mustChangePassword, phoneVerified, universityCode, majorCode,
                    null, null);
        }
    }

    /** Inserts the account; returns false if the ID already has one at the account's bureau. */
    public boolean create(UUID id, NewAccount account) {
        Sealed idNumber = protector.seal(account.id().number());
        Sealed phone = protector.seal(account.phone());
        Sealed name = account.name() == null ? null : protector.seal(account.name());
        Sealed email = account.email() == null ? null : protector.seal(account.email().value());
        Timestamp consentedAt = Timestamp.from(account.consentedAt());
        return jdbc.sql("""
                insert into candidate_account (id, bureau_code, exam_code, id_type, id_number_hash, id_number_sealed,
                    name_sealed, phone_hash, phone_sealed, sealed_with, password_hash, roster_entry_id,
                    privacy_policy_version, service_terms_version, consented_at, must_change_password, phone_verified,
                    university_code, major_code, email_sealed, email_hash, integrity_pledge_version,
                    integrity_pledge_agreed_at, name_hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (bureau_code, id_type, id_number_hash) do nothing""")
                .params(id, account.bureau(), account.examCode(), account.id().type().name(),
                        idNumberHash(account.id()), idNumber.data(), name == null ? null : name.data(),
                        hasher.hash(account.phone()),
                        phone.data(), idNumber.keyId(), account.passwordHash(), account.rosterEntryId(),
                        account.privacyPolicyVersion(), account.serviceTermsVersion(),
                        consentedAt, account.mustChangePassword(), account.phoneVerified(),
                        account.universityCode(), account.majorCode(), email == null ? null : email.data(),
                        account.email() == null ? null : emailHash(account.email()),
                        account.integrityPledgeVersion(),
                        account.integrityPledgeVersion() == null ? null : consentedAt,
                        account.name() == null ? null : nameHash(account.name()))
                .update() == 1;
    }

    /** The account of this ID at {@code bureau}: the same person's account at another bureau is another one. */
    public Optional<CandidateAccount> findByIdNumber(String bureau, IdDocument id) {
        return find("bureau_code = ? and id_type = ? and id_number_hash = ?", bureau, id.type().name(),
                idNumberHash(id));
    }

    /** The account holding this 准考证号 at {@code bureau} (Shanghai logs in with it, ACC-5). */
    public Optional<CandidateAccount> findByAdmissionNumber(String bureau, String admissionNumber) {
        String number = AdmissionNumber.normalize(admissionNumber);
        return number == null ? Optional.empty()
                : find("bureau_code = ? and admission_number = ?", bureau, number);
    }

    /**
     * Gives the account its 准考证号 (the 在籍考生 import, the approval of a new candidate). Unique within the
     * bureau: a number another account of the bureau holds is refused by the database.
     */
    public void assignAdmissionNumber(UUID id, String admissionNumber) {
        String number = AdmissionNumber.normalize(admissionNumber);
        if (number == null) {
            throw new IllegalArgumentException("not an admission number");
        }
        jdbc.sql("update candidate_account set admission_number = ? where id = ?").params(number, id).update();
    }

    /**
     * Gives an account without a 准考证号 the one its bureau's enrollment-service assigned (a new candidate approved,
     * SST-7); true when it was given. Never replaces an account's own number, nor takes a number another account of
     * the bureau holds (the unique constraint backs this against a concurrent assignment).
     */
    public boolean assignAdmissionNumberIfNone(UUID id, String admissionNumber) {
        String number = AdmissionNumber.normalize(admissionNumber);
        if (number == null) {
            throw new IllegalArgumentException("not an admission number");
        }
        return jdbc.sql("""
                update candidate_account set admission_number = ?
                where id = ? and admission_number is null and not exists (
                    select 1 from candidate_account holder
                    where holder.bureau_code = candidate_account.bureau_code and holder.admission_number = ?)""")
                .params(number, id, number).update() == 1;
    }

    public Optional<CandidateAccount> findById(UUID id) {
        return find("id = ?", id);
    }

    /** Counts a failed login; locks the account until {@code lockUntil} once {@code maxFailures} is reached. */
    public void recordFailedLogin(UUID id, int maxFailures, Instant lockUntil) {
        jdbc.sql("""
                update candidate_account set failed_logins = failed_logins + 1,
                    locked_until = case when failed_logins + 1 >= ? then ? else locked_until end
                where id = ?""")
                .params(maxFailures, Timestamp.from(lockUntil), id).update();
    }

    public void recordSuccessfulLogin(UUID id) {
        jdbc.sql("update candidate_account set failed_logins = 0, locked_until = null where id = ?").param(id).update();
    }

    public void changePassword(UUID id, String passwordHash) {
        jdbc.sql("""
                update candidate_account set password_hash = ?, must_change_password = false,
                    password_changed_at = now(), failed_logins = 0, locked_until = null
                where id = ?""")
                .params(passwordHash, id).update();
    }

    /**
     * ACC-8: binds the account to a new phone (sealed + hash), which counts as verified; also how an imported
     * candidate without a phone on file binds the one they proved at first login (ACC-9). One key id covers all
     * sealed columns of a row, so the ID number, name and e-mail are re-sealed under the active key with it.
     */
    public void changePhone(UUID id, String phone) {
        reseal(id, phone, true, null, "");
    }

    /**
     * Rewrites the row's sealed columns under the active key (one key id covers all sealed columns of a row), with
     * {@code phone} (and its hash and {@code phoneVerified}) or {@code email} replaced where given (null: kept);
     * {@code onlyIf}, an extra condition of the update. Whether the row changed.
     */
    private boolean reseal(UUID id, String phone, Boolean phoneVerified, String email, String onlyIf) {
        PersonalData current = findPersonalData(id).orElseThrow();
        String newPhone = phone != null ? phone : current.phone();
        String newEmail = email != null ? email : current.email();
        Sealed idNumber = protector.seal(current.idNumber());
        Sealed name = current.name() == null ? null : protector.seal(current.name());
        Sealed sealedPhone = newPhone == null ? null : protector.seal(newPhone);
        Sealed sealedEmail = newEmail == null ? null : protector.seal(newEmail);
        return jdbc.sql("""
                update candidate_account set phone_hash = ?, phone_sealed = ?, id_number_sealed = ?, name_sealed = ?,
                    email_sealed = ?, email_hash = coalesce(?, email_hash), sealed_with = ?,
                    phone_verified = coalesce(cast(? as boolean), phone_verified)
                where id = ?""" + onlyIf)
                .params(newPhone == null ? null : hasher.hash(newPhone), sealedPhone == null ? null : sealedPhone.data(),
                        idNumber.data(), name == null ? null : name.data(),
                        sealedEmail == null ? null : sealedEmail.data(), email == null ? null : hasher.hash(email),
                        idNumber.keyId(), phoneVerified, id)
                .update() == 1;
    }

    /** ACC-9: the bound phone is proven by a code sent to it. */
    public void markPhoneVerified(UUID id) {
        jdbc.sql("update candidate_account set phone_verified = true where id = ?").param(id).update();
    }

    /** The account's personal data in clear: only for the candidate themself, or for an audited operator read. */
    public Optional<PersonalData> findPersonalData(UUID id) {
        return jdbc.sql("""
                select id, bureau_code, exam_code, id_type, id_number_sealed, name_sealed, phone_sealed, email_sealed,
                       sealed_with, must_change_password, phone_verified, created_at
                from candidate_account where id = ?""")
                .param(id)
                .query((row, n) -> {
                    String keyId = row.getString("sealed_with");
                    byte[] name = row.getBytes("name_sealed");
                    byte[] email = row.getBytes("email_sealed");
                    return new PersonalData(row.getObject("id", UUID.class), row.getString("bureau_code"),
                            row.getString("exam_code"),
                            IdType.valueOf(row.getString("id_type")),
                            protector.open(new Sealed(keyId, row.getBytes("id_number_sealed"))),
                            name == null ? null : protector.open(new Sealed(keyId, name)),
                            open(keyId, row.getBytes("phone_sealed")),
                            email == null ? null : open(keyId, email),
                            row.getBoolean("must_change_password"), row.getBoolean("phone_verified"),
                            row.getTimestamp("created_at").toInstant());
                })
                .optional();
    }

    /**
     * An account's personal data opened ({@code phone} null: none on file, an imported candidate's; {@code email}
     * null: none on file). {@link #toString()} is masked, so logging it logs nothing in clear.
     */
    public record PersonalData(UUID id, String bureau, String examCode, IdType idType, String idNumber, String name,
            String phone, String email, boolean mustChangePassword, boolean phoneVerified, Instant createdAt) {

        @Override
        public String toString() {
            return "PersonalData[id=" + id + ", idNumber=" + Masking.idNumber(idNumber) + ", name="
                    + Masking.name(name) + ", phone=" + Masking.phone(phone) + ", email=" + Masking.email(email) + "]";
        }
    }

    // ---- 在籍考生 (ACC-9) and their e-mail (ACC-7) -------------------------------------------------------------

    /**
     * An existing candidate (在籍考生) as an operator's import makes their account: the initial password's hash, the
     * phone on file if any (null: none), the e-mail on file if any (normalized: mailbox as written, domain in lower
     * case; stored sealed with its keyed hash, as registration stores it), the 准考证号. The account must change the password
     * and verify the phone at first login; it has consented to nothing on this platform yet.
     */
    public record ImportedAccount(String bureau, String examCode, IdDocument id, String name, String phone,
            String email, String passwordHash, String admissionNumber) {

        @Override
        public String toString() {
            return "ImportedAccount[" + bureau + ", " + Masking.idNumber(id.number()) + "]";
        }
    }

    /**
     * Inserts an imported candidate's account (must change the password, phone not verified, 准考证号 assigned);
     * false if the ID already has an account at the bureau. The caller has made sure no account of the bureau holds
     * the 准考证号.
     */
    public boolean createImported(UUID id, ImportedAccount account) {
        String number = AdmissionNumber.normalize(account.admissionNumber());
        if (number == null) {
            throw new IllegalArgumentException("not an admission number");
        }
        Sealed idNumber = protector.seal(account.id().number());
        Sealed name = protector.seal(account.name());
        Sealed phone = account.phone() == null ? null : protector.seal(account.phone());
        Sealed email = account.email() == null ? null : protector.seal(account.email());
        return jdbc.sql("""
                insert into candidate_account (id, bureau_code, exam_code, id_type, id_number_hash, id_number_sealed,
                    name_sealed, phone_hash, phone_sealed, email_sealed, email_hash, sealed_with, password_hash,
                    must_change_password, phone_verified, admission_number, name_hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, false, ?, ?)
                on conflict (bureau_code, id_type, id_number_hash) do nothing""")
                .params(id, account.bureau(), account.examCode(), account.id().type().name(),
                        idNumberHash(account.id()), idNumber.data(), name.data(),
                        account.phone() == null ? null : hasher.hash(account.phone()),
                        phone == null ? null : phone.data(), email == null ? null : email.data(),
                        account.email() == null ? null : hasher.hash(account.email()), idNumber.keyId(),
                        account.passwordHash(), number, nameHash(account.name()))
                .update() == 1;
    }

    /** The account's 准考证号, empty when it has none. */
    public Optional<String> admissionNumberOf(UUID id) {
        return jdbc.sql("select admission_number from candidate_account where id = ?").param(id)
                .query((row, n) -> Optional.ofNullable(row.getString(1))).optional().flatMap(number -> number);
    }

    /**
     * ACC-9: gives an account without a phone the phone a later import has on file, not verified yet (the first
     * login verifies it). An account that has a phone keeps it: false.
     */
    public boolean bindUnverifiedPhoneIfNone(UUID id, String phone) {
        return reseal(id, phone, false, null, " and phone_sealed is null");
    }

    /** ACC-7: gives an account without an e-mail address the one a later import has on file; false if it has one. */
    public boolean bindEmailIfNone(UUID id, String email) {
        return reseal(id, null, null, email, " and email_sealed is null");
    }

    /** ACC-7: the account's e-mail address in clear (找回密码 by e-mail), empty when it has none. */
    public Optional<String> findEmail(UUID id) {
        return jdbc.sql("select email_sealed, sealed_with from candidate_account where id = ?").param(id)
                .query((row, n) -> Optional.ofNullable(open(row.getString("sealed_with"), row.getBytes("email_sealed"))))
                .optional().flatMap(email -> email);
    }

    /** A sealed column opened; null stays null (an account without a phone or e-mail). */
    private String open(String keyId, byte[] sealed) {
        return sealed == null ? null : protector.open(new Sealed(keyId, sealed));
    }

    /**
     * The keyed hash of a normalized ID number: the same function as the roster's and the events', so
     * services can match a candidate without ever exchanging the number itself.
     */
    public String idNumberHash(IdDocument id) {
        return hasher.hash(id.number());
    }

    /**
     * The keyed hash of a normalised e-mail address, stored beside the sealed address: an address typed later (找回密码)
     * is compared without opening the stored one.
     */
    public String emailHash(EmailAddress email) {
        return hasher.hash(email.value());
    }

    /**
     * The keyed hash of a name as stored (trimmed): operators find a candidate by name (OPS-3 考生查询) without the
     * name being searchable in clear. Another prefix than the roster's name hash, so the two never compare.
     */
    public String nameHash(String name) {
        return hasher.hash("account-name:" + name.strip());
    }

    /** The keyed hash of any text that must be counted or compared without being stored (e.g. a rate-limit subject). */
    public String lookupHash(String text) {
        return hasher.hash(text);
    }

    private Optional<CandidateAccount> find(String where, Object... params) {
        return jdbc.sql("""
                select id, bureau_code, exam_code, id_type, phone_sealed, sealed_with, password_hash,
                       must_change_password,
                       phone_verified, failed_logins, locked_until
                from candidate_account""" + " where " + where)
                .params(params)
                .query((row, n) -> {
                    Timestamp locked = row.getTimestamp("locked_until");
                    return new CandidateAccount(row.getObject("id", UUID.class), row.getString("bureau_code"),
                            row.getString("exam_code"),
                            IdType.valueOf(row.getString("id_type")),
                            open(row.getString("sealed_with"), row.getBytes("phone_sealed")),
                            row.getString("password_hash"), row.getBoolean("must_change_password"),
                            row.getBoolean("phone_verified"), row.getInt("failed_logins"),
                            locked == null ? null : locked.toInstant());
                })
                .optional();
    }
}
