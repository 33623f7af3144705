package org.baokao.account.support;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.baokao.account.account.Accounts;
import org.baokao.testkit.Gb11643TestNumbers;
import org.baokao.account.identity.IdDocument;
import org.baokao.account.identity.IdType;
import org.baokao.personaldata.PersonalDataProtector;
import org.baokao.personaldata.Sealed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Accounts made directly in the database, for tests of what comes after registration. */
public final class TestAccounts {

    public static final String PASSWORD = "Baokao@2026";

    private TestAccounts() {
    }

    public record Made(UUID id, String idNumber, String phone) {
    }

    public static String randomIdNumber() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String birth = "19%02d%02d%02d".formatted(random.nextInt(70, 100), random.nextInt(1, 13), random.nextInt(1, 29));
        return Gb11643TestNumbers.residentId("370102", birth, "%03d".formatted(random.nextInt(1000)));
    }

    /** A mailbox nobody has used yet. */
    public static String randomEmail() {
        return "kaosheng" + ThreadLocalRandom.current().nextInt(1_000_000) + "@example.com";
    }

    /**
     * Gives the account an e-mail address, sealed like its phone (ACC-10) under the row's key: what registration at an
     * OPEN bureau stores (SST-1), for tests of what comes after.
     */
    public static void giveEmail(JdbcClient jdbc, PersonalDataProtector protector, UUID accountId, String email) {
        Sealed sealed = protector.seal(email);
        int updated = jdbc.sql("update candidate_account set email_sealed = ? where id = ? and sealed_with = ?")
                .params(sealed.data(), accountId, sealed.keyId()).update();
        if (updated != 1) {
            throw new IllegalStateException("the account's row is sealed under another key than the active one");
        }
    }

    public static String randomPhone() {
        return "13" + "%09d".formatted(ThreadLocalRandom.current().nextLong(1_000_000_000L));
    }

    /** An account at the default bureau (Shandong), as the tests written before bureaus expect. */
    public static Made create(Accounts accounts, PasswordEncoder encoder, boolean mustChangePassword) {
        return create(accounts, encoder, DemoBureaus.SD, randomIdNumber(), mustChangePassword);
    }

    /** An account of {@code idNumber} at {@code bureau} (one of {@link DemoBureaus}), password {@link #PASSWORD}. */
    public static Made create(Accounts accounts, PasswordEncoder encoder, String bureau, String idNumber,
            boolean mustChangePassword) {
        String phone = randomPhone();
        UUID id = UUID.randomUUID();
        String exam = DemoBureaus.SH.equals(bureau) ? DemoBureaus.SH_EXAM : DemoBureaus.SD_EXAM;
        boolean created = accounts.create(id, new Accounts.NewAccount(bureau, exam,
                IdDocument.parse(IdType.RESIDENT_ID, idNumber), "张三", phone, encoder.encode(PASSWORD), null, "2023-1",
                "2023-1", Instant.now(), mustChangePassword, !mustChangePassword, null, null));
        if (!created) {
            throw new IllegalStateException("the ID already has an account at " + bureau);
        }
        return new Made(id, idNumber, phone);
    }
}
