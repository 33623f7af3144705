package org.baokao.enrollment.selfstudy;

import org.baokao.web.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * How {@link SelfStudyInputException} is answered: 400 with the first violation's code and message, its
 * {@code field}, every violation in {@code violations}; for answers to the 问卷, the first one's {@code questionId}.
 */
final class SelfStudyInputProblems {

    private static final String ANSWERS = "answers.";

    private SelfStudyInputProblems() {
    }

    static ResponseEntity<ProblemDetail> of(SelfStudyInputException refused) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, refused.first().code(), refused.first().message());
        problem.setProperty("field", refused.first().field());
        if (refused.first().field().startsWith(ANSWERS)) {
            problem.setProperty("questionId", refused.first().field().substring(ANSWERS.length()));
        }
        problem.setProperty("violations", refused.violations());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
