package org.baokao.enrollment.selfstudy;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.baokao.enrollment.exam.Questionnaire;
import org.baokao.enrollment.exam.Violation;
import org.baokao.web.bureau.RequestBureau;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

/**
 * The sitting's 问卷调查 for a Shanghai 自考 candidate (SST-4, role {@code candidate}): its questions with whether they
 * answered, and answering it once. At a bureau without 自考 every call is 404 {@code NOT_SELF_STUDY}.
 */
@RestController
@PreAuthorize("hasRole('candidate')")
class QuestionnaireController {

    static final String PATH = "/api/enrollments/self-study/questionnaire";

    private final SelfStudyQuestionnaires questionnaires;

    QuestionnaireController(SelfStudyQuestionnaires questionnaires) {
        this.questionnaires = questionnaires;
    }

    /** One question as the page shows it: {@code kindName} 单选, 多选 or 填空. */
    record QuestionView(String id, String text, Questionnaire.Kind kind, String kindName, List<String> options,
            boolean required) {
    }

    /**
     * The questionnaire: {@code answered} once the candidate answered it at this sitting, with {@code answeredAt},
     * the {@code answeredVersion} and their {@code answers} (null before).
     */
    record QuestionnaireView(String examCode, String version, String title, List<QuestionView> questions,
            boolean answered, Instant answeredAt, String answeredVersion, Map<String, Object> answers) {

        static QuestionnaireView of(SelfStudyQuestionnaires.Asked asked) {
            Questionnaire questionnaire = asked.questionnaire();
            List<QuestionView> questions = questionnaire.questions().stream().map(q -> new QuestionView(q.id(),
                    q.text(), q.kind(), switch (q.kind()) {
                        case SINGLE -> "单选";
                        case MULTIPLE -> "多选";
                        case TEXT -> "填空";
                    }, q.options(), q.required())).toList();
            return asked.answered().map(a -> new QuestionnaireView(asked.sitting().code(), questionnaire.version(),
                            questionnaire.title(), questions, true, a.answeredAt(), a.version(),
                            inQuestionOrder(a.answers(), questionnaire)))
                    .orElseGet(() -> new QuestionnaireView(asked.sitting().code(), questionnaire.version(),
                            questionnaire.title(), questions, false, null, null, null));
        }
    }

    /** The answers in the order of the questions (jsonb keeps its own order), those of other questions after. */
    private static Map<String, Object> inQuestionOrder(Map<String, Object> answers, Questionnaire questionnaire) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        questionnaire.questions().stream().filter(q -> answers.containsKey(q.id()))
                .forEach(q -> ordered.put(q.id(), answers.get(q.id())));
        answers.forEach(ordered::putIfAbsent);
        return ordered;
    }

    /** {@code {"version": "2026-10", "answers": {"purpose": "提升学历层次", "channel": ["微信公众号"]}}} */
    record AnswerRequest(String version, Map<String, JsonNode> answers) {
    }

    @GetMapping(PATH)
    QuestionnaireView questionnaire(@AuthenticationPrincipal Jwt token, RequestBureau bureau) {
        UUID candidate = TokenCandidate.of(token).orElse(new UUID(0, 0));
        return QuestionnaireView.of(questionnaires.of(candidate, bureau.code()));
    }

    /** 提交问卷: 201 with the questionnaire answered. */
    @PostMapping(PATH)
    ResponseEntity<QuestionnaireView> answer(@AuthenticationPrincipal Jwt token, RequestBureau bureau,
            @RequestBody(required = false) AnswerRequest request) {
        if (request == null) {
            throw Refusal.invalid("MALFORMED_REQUEST", "请求格式不正确");
        }
        UUID candidate = TokenCandidate.of(token).orElseThrow(SelfStudyUniversities::notReady);
        SelfStudyQuestionnaires.Asked answered = questionnaires.answer(candidate, bureau.code(), request.version(),
                sent(request.answers()));
        return ResponseEntity.created(URI.create(PATH)).body(QuestionnaireView.of(answered));
    }

    /** The JSON answers as plain values: a string, an array of strings, or null (unanswered); anything else is 400. */
    private static Map<String, QuestionnaireAnswers.Sent> sent(Map<String, JsonNode> answers) {
        Map<String, QuestionnaireAnswers.Sent> sent = new LinkedHashMap<>();
        List<Violation> malformed = new ArrayList<>();
        if (answers != null) {
            answers.forEach((id, node) -> {
                if (node == null || node.isNull()) {
                    sent.put(id, QuestionnaireAnswers.Sent.list(List.of()));
                } else if (node.isString()) {
                    sent.put(id, QuestionnaireAnswers.Sent.text(node.asString()));
                } else if (node.isArray() && node.valueStream().allMatch(JsonNode::isString)) {
                    sent.put(id, QuestionnaireAnswers.Sent.list(node.valueStream().map(JsonNode::asString).toList()));
                } else {
                    malformed.add(new Violation("answers." + id, "ANSWER_MALFORMED",
                            "问题" + id + "的回答应为文字或选项列表"));
                }
            });
        }
        if (!malformed.isEmpty()) {
            throw new SelfStudyInputException(malformed);
        }
        return sent;
    }

    @ExceptionHandler(SelfStudyInputException.class)
    ResponseEntity<ProblemDetail> refused(SelfStudyInputException refused) {
        return SelfStudyInputProblems.of(refused);
    }
}
