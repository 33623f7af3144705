package org.baokao.enrollment.selfstudy;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.baokao.enrollment.exam.Exam;
import org.baokao.enrollment.exam.Questionnaire;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sitting's 问卷调查 (SST-4; seed: 进入选课界面之前，需要填写问卷调查): the questions of the bureau's current sitting,
 * answered once per sitting and kept with the version answered, the candidate and the time. 404
 * {@code QUESTIONNAIRE_NOT_CONFIGURED} for a sitting without one (nothing to answer, nothing waits for it).
 */
@Service
public class SelfStudyQuestionnaires {

    private static final Logger log = LoggerFactory.getLogger(SelfStudyQuestionnaires.class);

    private final SelfStudyUniversities universities;
    private final SelfStudyCandidates candidates;
    private final QuestionnaireAnswerRepository answers;
    private final Clock clock;

    SelfStudyQuestionnaires(SelfStudyUniversities universities, SelfStudyCandidates candidates,
            QuestionnaireAnswerRepository answers, Clock clock) {
        this.universities = universities;
        this.candidates = candidates;
        this.answers = answers;
        this.clock = clock;
    }

    /** The sitting's questionnaire with the candidate's answers, if they gave them. */
    record Asked(Exam sitting, Questionnaire questionnaire, Optional<QuestionnaireAnswerRepository.Answered> answered) {
    }

    Asked of(UUID candidateId, String bureau) {
        Exam sitting = universities.sitting(bureau);
        Questionnaire questionnaire = questionnaireOf(sitting);
        return new Asked(sitting, questionnaire, answers.find(candidateId, sitting.code()));
    }

    /**
     * Keeps the candidate's answers to version {@code version}: 409 {@code QUESTIONNAIRE_ANSWERED} when they answered
     * this sitting's already, 409 {@code QUESTIONNAIRE_VERSION_OUTDATED} when the questions changed since their page
     * was read, 400 ({@link SelfStudyInputException}) with the question of each fault, 409 {@code PROFILE_NOT_READY}
     * while their registration has not arrived.
     */
    @Transactional
    Asked answer(UUID candidateId, String bureau, String version, Map<String, QuestionnaireAnswers.Sent> sent) {
        Exam sitting = universities.sitting(bureau);
        Questionnaire questionnaire = questionnaireOf(sitting);
        candidates.lock(candidateId).filter(c -> c.belongsTo(bureau)).filter(c -> !c.registrations().isEmpty())
                .orElseThrow(SelfStudyUniversities::notReady);
        if (answers.find(candidateId, sitting.code()).isPresent()) {
            throw answered();
        }
        if (version == null || !version.equals(questionnaire.version())) {
            throw Refusal.conflict("QUESTIONNAIRE_VERSION_OUTDATED", "问卷已更新，请刷新页面后重新填写");
        }
        Map<String, Object> kept = QuestionnaireAnswers.check(questionnaire, sent);
        // the candidate's row is locked: a second answer cannot be racing this one
        if (!answers.insert(candidateId, sitting.code(), questionnaire.version(), kept, clock.instant())) {
            throw answered();
        }
        log.info("Candidate {} answered questionnaire {} of {}", candidateId, questionnaire.version(), sitting.code());
        return new Asked(sitting, questionnaire, answers.find(candidateId, sitting.code()));
    }

    private static Questionnaire questionnaireOf(Exam sitting) {
        return SelfStudyUniversities.planOf(sitting).map(plan -> plan.questionnaire())
                .orElseThrow(() -> Refusal.notFound("QUESTIONNAIRE_NOT_CONFIGURED", "本次考试没有问卷调查"));
    }

    private static Refusal answered() {
        return Refusal.conflict("QUESTIONNAIRE_ANSWERED", "您已填写过本次考试的问卷调查，不能重复提交");
    }
}
