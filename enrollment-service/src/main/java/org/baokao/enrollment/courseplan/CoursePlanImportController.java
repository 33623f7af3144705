package org.baokao.enrollment.courseplan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.baokao.domain.operator.Operator;
import org.baokao.domain.operator.OperatorRole;
import org.baokao.tabular.ImportFileException;
import org.baokao.web.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Operators load a 自考 sitting's courses from a file (ENR-1, ENR-9; OPS-3: a bureau administrator, at the exam's
 * bureau's address: {@code /sh/api/...} loads Shanghai's sittings only, another bureau's is 404; audited as
 * {@code course-plan.import}): {@code PUT} multipart, field {@code file}, CSV or XLSX.
 * 200 with what was replaced; 400 {@code COURSE_PLAN_ROWS_INVALID} with {@code errors} (line, field, code, reason), or
 * {@code COURSE_PLAN_<FAULT>} for a file refused as a whole; nothing is stored then. The whole plan in JSON stays the
 * exam's own {@code PUT}.
 */
@RestController
@PreAuthorize("hasRole('operator')")
class CoursePlanImportController {

    private final CoursePlanImports imports;

    CoursePlanImportController(CoursePlanImports imports) {
        this.imports = imports;
    }

    @PutMapping(path = "/api/enrollments/operations/exams/{code}/course-plan",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    CoursePlanImports.Imported load(@PathVariable String code, Operator operator,
            @RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
        operator.require(OperatorRole.BUREAU_ADMIN);
        if (file == null || file.isEmpty()) {
            throw new ImportFileException(ImportFileException.Fault.FILE_EMPTY, "请选择要上传的课程计划文件（CSV或XLSX）");
        }
        Path upload = Files.createTempFile("course-plan-", ".upload");
        try {
            file.transferTo(upload);
            return imports.load(operator, code, upload, file.getOriginalFilename());
        } finally {
            Files.deleteIfExists(upload);
        }
    }

    @ExceptionHandler(ImportFileException.class)
    ResponseEntity<ProblemDetail> fileRefused(ImportFileException refused) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, refused.codeFor(CoursePlanImports.CODE_PREFIX),
                refused.getMessage());
        if (!refused.columns().isEmpty()) {
            problem.setProperty("columns", refused.columns());
        }
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(CoursePlanRowsRefused.class)
    ResponseEntity<ProblemDetail> rowsRefused(CoursePlanRowsRefused refused) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, CoursePlanRowsRefused.CODE, refused.getMessage());
        problem.setProperty("errors", refused.errors());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
