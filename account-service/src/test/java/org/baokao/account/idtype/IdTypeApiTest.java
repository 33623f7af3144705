package org.baokao.account.idtype;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** ACC-1: the ID types offered at registration, from account-service's own database. */
@ServiceTest
class IdTypeApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void offersTheFiveIdTypesWithResidentIdFirstAndDefault() {
        Answer answer = HttpProbe.onLocalPort(port).get("/api/accounts/public/id-types");

        assertThat(answer.status()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        answer.json().forEach(type -> names.add(type.path("name").asString()));
        assertThat(names).containsExactly("居民身份证", "港澳台居民居住证", "港澳台胞证", "外国人永久居留身份证", "护照");
        JsonNode first = answer.json().get(0);
        assertThat(first.path("code").asString()).isEqualTo("RESIDENT_ID");
        assertThat(first.path("isDefault").asBoolean()).isTrue();
    }

    @Test
    void aDisabledIdTypeIsNoLongerOffered() {
        jdbc.sql("update id_type set enabled = false where code = 'PASSPORT'").update();
        try {
            Answer answer = HttpProbe.onLocalPort(port).get("/api/accounts/public/id-types");
            assertThat(answer.body()).doesNotContain("PASSPORT").contains("RESIDENT_ID");
        } finally {
            jdbc.sql("update id_type set enabled = true where code = 'PASSPORT'").update();
        }
    }

    @Test
    void everythingOutsideThePublicPathsNeedsAToken() {
        Answer answer = HttpProbe.onLocalPort(port).get("/api/accounts/me");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.problemCode()).isEqualTo("UNAUTHENTICATED");
    }
}
