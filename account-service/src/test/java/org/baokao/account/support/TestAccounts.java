package org.baokao.account.support;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.baokao.account.account.Accounts;
import org.baokao.testkit.Gb11643TestNumbers;
import org.baokao.account.identity.IdDocument;
import org.baokao.account.identity.IdType;
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

    public static String randomPhone() {
        return "13" + "%09d".formatted(ThreadLocalRandom.current().nextLong(1_000_000_000L));
    }

    public static Made create(Accounts accounts, PasswordEncoder encoder, boolean mustChangePassword) {
        String idNumber = randomIdNumber();
        String phone = randomPhone();
        UUID id = UUID.randomUUID();
        accounts.create(id, new Accounts.NewAccount("SD-ZSB-2023", IdDocument.parse(IdType.RESIDENT_ID, idNumber),
                "张三", phone, encoder.encode(PASSWORD), null, "2023-1", "2023-1", Instant.now(), mustChangePassword,
                !mustChangePassword, null, null));
        return new Made(id, idNumber, phone);
    }
}
