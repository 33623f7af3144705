package org.baokao.enrollment.selfstudy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baokao.enrollment.selfstudy.SelfStudyApi.ANSWERS;
import static org.baokao.enrollment.selfstudy.SelfStudyApi.QUESTIONNAIRE;

import java.util.UUID;

import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** SST-4 over HTTP: the sitting's 问卷调查 — its questions, answered once, stored with version, candidate and time. */
@ServiceTest
class QuestionnaireApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    SelfStudyApi api;
    UUID candidate = UUID.randomUUID();
    String token;

    @BeforeEach
    void aRegisteredCandidate() {
        api = new SelfStudyApi(port);
        token = api.tokenOf(candidate);
        api.registered(candidate, "10246", "B020101");
    }

    @Test
    @DisplayName("SST-4: the questions, then 提交问卷: 201, answered with the answers; kept with version and time")
    void answeredOnce() {
        JsonNode asked = api.get(token, QUESTIONNAIRE).json();
        assertThat(asked.path("examCode").asString()).isEqualTo(api.sitting);
        assertThat(asked.path("version").asString()).isEqualTo("Q1");
        assertThat(asked.path("title").asString()).isEqualTo("考生问卷调查");
        assertThat(asked.path("questions").get(0).toString()).isEqualTo("{\"id\":\"purpose\",\"text\":\"您报考自学考试的主要目的是\","
                + "\"kind\":\"SINGLE\",\"kindName\":\"单选\",\"options\":[\"提升学历\",\"职业发展需要\",\"个人兴趣\"],\"required\":true}");
        assertThat(asked.path("questions").get(2).path("required").asBoolean()).isFalse();
        assertThat(asked.path("answered").asBoolean()).isFalse();
        assertThat(asked.path("answers").isNull()).isTrue();

        Answer answered = api.send(token, "POST", QUESTIONNAIRE, ANSWERS);

        assertThat(answered.status()).as(answered.body()).isEqualTo(201);
        assertThat(answered.json().path("answered").asBoolean()).isTrue();
        assertThat(answered.json().path("answeredVersion").asString()).isEqualTo("Q1");
        assertThat(answered.json().path("answers").toString())
                .isEqualTo("{\"purpose\":\"提升学历\",\"channel\":[\"微信公众号\",\"主考学校\"],\"advice\":\"希望增加周末考点\"}");
        assertThat(api.get(token, QUESTIONNAIRE).json().path("answeredAt")).isEqualTo(answered.json().path("answeredAt"));
        assertThat(jdbc.sql("select version from questionnaire_answer where candidate_id = ? and exam_code = ?")
                .params(candidate, api.sitting).query(String.class).single()).isEqualTo("Q1");

        Answer again = api.send(token, "POST", QUESTIONNAIRE, ANSWERS);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemCode()).isEqualTo("QUESTIONNAIRE_ANSWERED");
        assertThat(again.json().path("detail").asString()).isEqualTo("您已填写过本次考试的问卷调查，不能重复提交");
    }

    @Test
    @DisplayName("SST-4: a stale version 409; a required question unanswered or an option not offered 400 with its id")
    void refusals() {
        Answer stale = api.send(token, "POST", QUESTIONNAIRE, ANSWERS.replace("\"Q1\"", "\"Q0\""));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.problemCode()).isEqualTo("QUESTIONNAIRE_VERSION_OUTDATED");

        Answer unanswered = api.send(token, "POST", QUESTIONNAIRE,
                "{\"version\": \"Q1\", \"answers\": {\"channel\": [\"主考学校\"]}}");
        assertThat(unanswered.status()).as(unanswered.body()).isEqualTo(400);
        assertThat(unanswered.problemCode()).isEqualTo("ANSWER_REQUIRED");
        assertThat(unanswered.json().path("questionId").asString()).isEqualTo("purpose");
        assertThat(unanswered.json().path("detail").asString()).isEqualTo("请回答第1题：您报考自学考试的主要目的是");

        Answer notOffered = api.send(token, "POST", QUESTIONNAIRE,
                "{\"version\": \"Q1\", \"answers\": {\"purpose\": \"提升学历\", \"channel\": [\"电视广告\"]}}");
        assertThat(notOffered.problemCode()).isEqualTo("ANSWER_OPTION_NOT_OFFERED");
        assertThat(notOffered.json().path("questionId").asString()).isEqualTo("channel");
        Answer malformed = api.send(token, "POST", QUESTIONNAIRE,
                "{\"version\": \"Q1\", \"answers\": {\"purpose\": 3, \"channel\": [\"主考学校\"]}}");
        assertThat(malformed.problemCode()).isEqualTo("ANSWER_MALFORMED");
        assertThat(api.get(token, QUESTIONNAIRE).json().path("answered").asBoolean()).as("nothing kept").isFalse();
    }
}
