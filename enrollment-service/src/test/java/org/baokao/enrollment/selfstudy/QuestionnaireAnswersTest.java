package org.baokao.enrollment.selfstudy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.baokao.enrollment.exam.CoursePlans;
import org.baokao.enrollment.exam.Questionnaire;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SST-4: answers to the sitting's 问卷 checked against its questions (purpose single, channel multiple, advice text). */
class QuestionnaireAnswersTest {

    private final Questionnaire questionnaire = CoursePlans.questionnaire();

    @Test
    @DisplayName("SST-4: a single choice, one or more of the offered options, an optional text: kept in question order")
    void soundAnswersAreKept() {
        Map<String, QuestionnaireAnswers.Sent> sent = new LinkedHashMap<>();
        sent.put("advice", QuestionnaireAnswers.Sent.text("  希望增加考点  "));
        sent.put("channel", QuestionnaireAnswers.Sent.list(List.of("微信公众号", "主考学校", "微信公众号")));
        sent.put("purpose", QuestionnaireAnswers.Sent.list(List.of("提升学历")));

        Map<String, Object> kept = QuestionnaireAnswers.check(questionnaire, sent);

        assertThat(kept).containsExactly(Map.entry("purpose", "提升学历"),
                Map.entry("channel", List.of("微信公众号", "主考学校")), Map.entry("advice", "希望增加考点"));
        assertThat(QuestionnaireAnswers.check(questionnaire, Map.of("purpose", QuestionnaireAnswers.Sent.text("个人兴趣"),
                "channel", QuestionnaireAnswers.Sent.text("考试院网站"), "advice", QuestionnaireAnswers.Sent.text(" "))))
                .as("the optional text left blank is not kept").containsOnlyKeys("purpose", "channel");
    }

    @Test
    @DisplayName("SST-4: required questions unanswered, options not offered, two single choices, unknown questions")
    void faultsAreReportedAtTheirQuestion() {
        Map<String, QuestionnaireAnswers.Sent> sent = new LinkedHashMap<>();
        sent.put("purpose", QuestionnaireAnswers.Sent.list(List.of("提升学历", "个人兴趣")));
        sent.put("channel", QuestionnaireAnswers.Sent.list(List.of("电视广告")));
        sent.put("advice", QuestionnaireAnswers.Sent.list(List.of("a", "b")));
        sent.put("age", QuestionnaireAnswers.Sent.text("30"));

        assertThatThrownBy(() -> QuestionnaireAnswers.check(questionnaire, sent))
                .isInstanceOfSatisfying(SelfStudyInputException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field() + " " + v.code() + " " + v.message()).containsExactly(
                                "answers.age QUESTION_UNKNOWN 问卷中没有该问题：age",
                                "answers.purpose ANSWER_SINGLE_CHOICE 第1题只能选择一项",
                                "answers.channel ANSWER_OPTION_NOT_OFFERED 第2题的选项不在问卷中：电视广告",
                                "answers.advice ANSWER_TEXT_EXPECTED 第3题请填写文字"));
        assertThatThrownBy(() -> QuestionnaireAnswers.check(questionnaire, Map.of("channel",
                QuestionnaireAnswers.Sent.list(List.of())))).isInstanceOfSatisfying(SelfStudyInputException.class,
                e -> assertThat(e.violations()).extracting(v -> v.field() + " " + v.message()).containsExactly(
                        "answers.purpose 请回答第1题：您报考自学考试的主要目的是",
                        "answers.channel 请回答第2题：您通过哪些渠道了解自学考试报名信息"));
        assertThatThrownBy(() -> QuestionnaireAnswers.check(questionnaire, Map.of("purpose",
                QuestionnaireAnswers.Sent.text("提升学历"), "channel", QuestionnaireAnswers.Sent.text("主考学校"), "advice",
                QuestionnaireAnswers.Sent.text("建".repeat(501))))).isInstanceOfSatisfying(SelfStudyInputException.class,
                e -> assertThat(e.first().code()).isEqualTo("ANSWER_TOO_LONG"));
    }
}
