package org.baokao.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 23 §4: the stack's PostgreSQL holds real data across restarts and crashes, so it runs durable, whatever
 * zonky's builder defaults to (synchronous_commit off).
 */
class PostgresDurabilitySystemTest {

    @ParameterizedTest(name = "{0} = on")
    @ValueSource(strings = {"fsync", "synchronous_commit", "full_page_writes"})
    void theStacksPostgresCommitsDurably(String setting) throws Exception {
        assertThat(setting(setting)).isEqualTo("on");
    }

    static String setting(String name) throws Exception {
        try (Connection c = DriverManager.getConnection(Stack.jdbcUrl("account"), "baokao", "baokao");
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
