package org.baokao.enrollment.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.ServiceTest;
import org.baokao.testkit.TestServers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The service carries the shared messaging backbone: its own messaging schema and the operators' dead letters. */
@ServiceTest
class DeadLetterApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void operatorsSeeTheServicesDeadLettersUnderItsOwnRoute() {
        HttpProbe http = HttpProbe.onLocalPort(port);

        var operator = http.get("/api/enrollments/operations/dead-letters",
                TestServers.issuer().token("op", "operator", "bureau-admin"));
        assertThat(operator.status()).isEqualTo(200);
        assertThat(operator.json().path("items").isArray()).isTrue();
        assertThat(http.get("/api/enrollments/operations/dead-letters",
                TestServers.issuer().token("c", "candidate")).status()).isEqualTo(403);
    }

    @Test
    void theMessagingTablesLiveInTheirOwnSchema() {
        assertThat(jdbc.sql("select count(*) from information_schema.tables where table_schema = 'messaging'"
                + " and table_name in ('outbox', 'outbox_shard', 'inbox', 'dead_letter')").query(Long.class).single())
                .isEqualTo(4);
    }
}
