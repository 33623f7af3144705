package org.baokao.enrollment.selfstudy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baokao.enrollment.selfstudy.SelfStudyApi.COMPLETE_PROFILE;
import static org.baokao.enrollment.selfstudy.SelfStudyApi.PROFILE;

import java.util.UUID;

import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.ServiceTest;
import org.baokao.testkit.TestServers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** SST-4 over HTTP: a 自考 candidate's 个人信息 — read with what is missing, saved whole (确认提交), checked. */
@ServiceTest
class SelfStudyProfileApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    SelfStudyApi api;
    UUID candidate = UUID.randomUUID();
    String token;

    @BeforeEach
    void aBureauOfItsOwn() {
        api = new SelfStudyApi(port);
        token = api.tokenOf(candidate);
    }

    @Test
    @DisplayName("SST-4: before 确认提交 every starred field is missing; after it the profile is complete and read back")
    void savedAndReadBack() {
        api.registered(candidate, "10246", "B020101");

        JsonNode empty = api.get(token, PROFILE).json();
        assertThat(empty.path("complete").asBoolean()).isFalse();
        assertThat(empty.path("missing").toString()).isEqualTo(
                "[\"ethnicity\",\"politicalStatus\",\"education\",\"occupation\",\"mailingAddress\",\"postcode\"]");
        assertThat(empty.path("required")).isEqualTo(empty.path("missing"));
        assertThat(empty.path("fields").path("ethnicity").isNull()).isTrue();
        assertThat(empty.path("labels").path("education").asString()).isEqualTo("文化程度");
        assertThat(empty.path("dictionaries").path("occupation").asString())
                .isEqualTo("/api/enrollments/public/dictionaries/occupations");
        assertThat(empty.path("updatedAt").isNull()).isTrue();

        Answer saved = api.send(token, "PUT", PROFILE, COMPLETE_PROFILE);

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().path("complete").asBoolean()).isTrue();
        assertThat(saved.json().path("missing")).isEmpty();
        assertThat(saved.json().path("names").toString()).isEqualTo("{\"ethnicity\":\"汉族\",\"politicalStatus\":\"群众\","
                + "\"education\":\"大学专科\",\"occupation\":\"社会生产服务和生活服务人员\"}");
        JsonNode read = api.get(token, PROFILE).json();
        assertThat(read.path("fields").toString()).isEqualTo("{\"ethnicity\":\"01\",\"politicalStatus\":\"13\","
                + "\"education\":\"30\",\"occupation\":\"4\",\"mailingAddress\":\"上海市徐汇区漕溪北路1号\","
                + "\"postcode\":\"200030\",\"employer\":\"上海某科技有限公司\",\"landline\":\"021-64321234\"}");
        assertThat(read.path("updatedAt")).isEqualTo(saved.json().path("updatedAt"));
        // ACC-10: the landline is not stored in clear
        assertThat(jdbc.sql("select count(*) from self_study_profile where candidate_id = ? and landline_sealed is not null"
                + " and position(convert_to('64321234', 'UTF8') in landline_sealed) = 0").param(candidate)
                .query(Long.class).single()).isEqualTo(1);

        // edited again: 工作单位 and 固定电话 may be cleared
        Answer edited = api.send(token, "PUT", PROFILE, COMPLETE_PROFILE.replace("上海某科技有限公司", "")
                .replace("021-64321234", ""));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(api.get(token, PROFILE).json().path("fields").path("landline").isNull()).isTrue();
    }

    @Test
    @DisplayName("SST-4: a profile breaking the rules is refused whole, 400 with every violation; nothing is saved")
    void violationsAreRefused() {
        api.registered(candidate, "10246", "B020101");

        Answer refused = api.send(token, "PUT", PROFILE, """
                {"ethnicity": "99", "politicalStatus": "13", "education": "", "occupation": "4",
                 "mailingAddress": "上海市", "postcode": "2000", "landline": "abc"}""");

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.problemCode()).isEqualTo("ETHNICITY_INVALID");
        assertThat(refused.json().path("detail").asString()).isEqualTo("民族不正确，请从列表中选择");
        assertThat(refused.json().path("field").asString()).isEqualTo("ethnicity");
        assertThat(refused.json().path("violations").valueStream()
                .map(v -> v.path("field").asString() + " " + v.path("code").asString()).toList()).containsExactly(
                "ethnicity ETHNICITY_INVALID", "education EDUCATION_REQUIRED", "postcode POSTCODE_INVALID",
                "landline LANDLINE_INVALID");
        assertThat(api.get(token, PROFILE).json().path("complete").asBoolean()).isFalse();
        assertThat(api.send(token, "PUT", PROFILE, "[1]").problemCode()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    @DisplayName("SST-4: before the registration arrives 409 PROFILE_NOT_READY; operators 403; no token 401")
    void notReadyAndRoles() {
        Answer early = api.send(token, "PUT", PROFILE, COMPLETE_PROFILE);
        assertThat(early.status()).as(early.body()).isEqualTo(409);
        assertThat(early.problemCode()).isEqualTo("PROFILE_NOT_READY");

        assertThat(api.get(TestServers.issuer().token("op-1", "operator"), PROFILE).status()).isEqualTo(403);
        assertThat(api.http.send(api.http.request(PROFILE).GET()).status()).isEqualTo(401);
    }
}
