package org.baokao.account.fileimport;

import org.baokao.tabular.ImportFileException;
import org.baokao.web.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** How an import's controller answers a file refused as a whole: 400 with the kind's code and the columns concerned. */
public final class ImportProblems {

    private ImportProblems() {
    }

    public static ResponseEntity<ProblemDetail> of(ImportFileException refused, String codePrefix) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, refused.codeFor(codePrefix), refused.getMessage());
        if (!refused.columns().isEmpty()) {
            problem.setProperty("columns", refused.columns());
        }
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
