package org.baokao.enrollment.selfstudy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.baokao.domain.DomainModel;
import org.baokao.enrollment.exam.Questionnaire;
import org.baokao.enrollment.exam.Violation;

/**
 * The answers to the sitting's 问卷调查 (SST-4), checked against its questions: a required question is answered; a
 * single-choice question with one of its options, a multiple-choice one with one or more (repeats count once); a text
 * question with text of at most 500 characters; no answer to a question the questionnaire lacks. Each fault is a
 * {@link Violation} at {@code answers.<questionId>}. What is kept: {@code {questionId: "option" | ["option", ...] |
 * "text"}} in the questionnaire's order, unanswered optional questions left out.
 */
@DomainModel
public final class QuestionnaireAnswers {

    static final int MAX_TEXT_LENGTH = 500;

    private QuestionnaireAnswers() {
    }

    /**
     * What the candidate sent for one question: a single string ({@code many} false), or an array of strings.
     */
    public record Sent(List<String> values, boolean many) {

        public Sent {
            values = List.copyOf(values);
        }

        public static Sent text(String value) {
            return new Sent(List.of(value), false);
        }

        public static Sent list(List<String> values) {
            return new Sent(values, true);
        }
    }

    /** The answers to keep, or {@link SelfStudyInputException} with every fault. */
    public static Map<String, Object> check(Questionnaire questionnaire, Map<String, Sent> sent) {
        List<Violation> violations = new ArrayList<>();
        for (String id : sent.keySet()) {
            if (questionnaire.question(id).isEmpty()) {
                violations.add(new Violation("answers." + id, "QUESTION_UNKNOWN", "问卷中没有该问题：" + id));
            }
        }
        Map<String, Object> kept = new LinkedHashMap<>();
        List<Questionnaire.Question> questions = questionnaire.questions();
        for (int i = 0; i < questions.size(); i++) {
            Questionnaire.Question question = questions.get(i);
            String field = "answers." + question.id();
            String number = "第" + (i + 1) + "题";
            Sent answer = sent.get(question.id());
            List<String> values = answer == null ? List.of() : answer.values().stream()
                    .map(value -> value == null ? "" : value.strip()).filter(value -> !value.isEmpty()).toList();
            if (values.isEmpty()) {
                if (question.required()) {
                    violations.add(new Violation(field, "ANSWER_REQUIRED", "请回答" + number + "：" + question.text()));
                }
                continue;
            }
            switch (question.kind()) {
                case TEXT -> {
                    if (answer.many() || values.size() > 1) {
                        violations.add(new Violation(field, "ANSWER_TEXT_EXPECTED", number + "请填写文字"));
                    } else if (values.getFirst().codePointCount(0, values.getFirst().length()) > MAX_TEXT_LENGTH) {
                        violations.add(new Violation(field, "ANSWER_TOO_LONG",
                                number + "的回答不能超过" + MAX_TEXT_LENGTH + "个字"));
                    } else {
                        kept.put(question.id(), values.getFirst());
                    }
                }
                case SINGLE -> {
                    if (values.size() > 1) {
                        violations.add(new Violation(field, "ANSWER_SINGLE_CHOICE", number + "只能选择一项"));
                    } else if (offered(violations, field, number, question, values)) {
                        kept.put(question.id(), values.getFirst());
                    }
                }
                case MULTIPLE -> {
                    Set<String> chosen = new LinkedHashSet<>(values);
                    if (offered(violations, field, number, question, chosen)) {
                        kept.put(question.id(), List.copyOf(chosen));
                    }
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new SelfStudyInputException(violations);
        }
        return kept;
    }

    private static boolean offered(List<Violation> violations, String field, String number,
            Questionnaire.Question question, Iterable<String> values) {
        for (String value : values) {
            if (!question.options().contains(value)) {
                violations.add(new Violation(field, "ANSWER_OPTION_NOT_OFFERED", number + "的选项不在问卷中：" + value));
                return false;
            }
        }
        return true;
    }
}
