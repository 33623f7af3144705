package org.baokao.enrollment.selfstudy;

import java.util.UUID;

import org.baokao.enrollment.exam.Exam;
import org.springframework.stereotype.Service;

/**
 * {@link CourseReadiness} as this feature keeps its facts (SST-4, ENR-8): the bureau's current sitting, the
 * candidate's 个人信息, phone, answers, origin and approval, judged by {@link ReadinessRules}. 404
 * {@code NOT_SELF_STUDY} at a bureau without 自考. A candidate of whom nothing has arrived yet has everything to do.
 */
@Service
class SelfStudyReadiness implements CourseReadiness {

    private final SelfStudyUniversities universities;
    private final ReadinessRepository facts;

    SelfStudyReadiness(SelfStudyUniversities universities, ReadinessRepository facts) {
        this.universities = universities;
        this.facts = facts;
    }

    @Override
    public Readiness of(UUID candidateId, String bureau) {
        Exam sitting = universities.sitting(bureau);
        boolean asks = SelfStudyUniversities.planOf(sitting).map(plan -> plan.questionnaire() != null).orElse(false);
        return ReadinessRules.of(facts.find(candidateId, bureau, sitting.code(), asks)
                .orElseGet(() -> ReadinessFacts.nothingYet(asks)));
    }
}
