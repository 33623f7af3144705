package org.baokao.account.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What expired more than a day ago goes; what is still current stays. */
@ServiceTest
class AccountHousekeepingTest {

    @Autowired
    AccountHousekeeping housekeeping;
    @Autowired
    JdbcClient jdbc;

    @Test
    void removesLongExpiredRowsAndKeepsCurrentOnes() {
        UUID oldCaptcha = UUID.randomUUID();
        UUID freshCaptcha = UUID.randomUUID();
        jdbc.sql("insert into captcha (id, answer_hash, expires_at) values (?, repeat('a', 64), now() - interval '2 days')")
                .param(oldCaptcha).update();
        jdbc.sql("insert into captcha (id, answer_hash, expires_at) values (?, repeat('a', 64), now() + interval '3 minutes')")
                .param(freshCaptcha).update();
        UUID oldCode = UUID.randomUUID();
        UUID freshCode = UUID.randomUUID();
        for (Object[] code : new Object[][] { { oldCode, "2 days" }, { freshCode, "-5 minutes" } }) {
            jdbc.sql("""
                    insert into sms_code (id, purpose, bureau_code, phone_hash, code_hash, created_at, expires_at)
                    values (?, 'REGISTER', 'sd', repeat('p', 64), repeat('c', 64), now(), now() - cast(? as interval))""")
                    .params(code[0], code[1]).update();
        }
        String oldCounter = "old-" + UUID.randomUUID();
        jdbc.sql("insert into rate_limit (scope, subject, day, day_count, last_at) values ('T', ?, current_date - 3, 1, now() - interval '3 days')")
                .param(oldCounter).update();

        housekeeping.run();

        assertThat(count("captcha", oldCaptcha)).isZero();
        assertThat(count("captcha", freshCaptcha)).isEqualTo(1);
        assertThat(count("sms_code", oldCode)).isZero();
        assertThat(count("sms_code", freshCode)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from rate_limit where subject = ?").param(oldCounter).query(Long.class)
                .single()).isZero();
    }

    private long count(String table, UUID id) {
        return jdbc.sql("select count(*) from " + table + " where id = ?").param(id).query(Long.class).single();
    }
}
