package org.baokao.account.roster;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.baokao.account.fileimport.ImportJobs;
import org.baokao.account.fileimport.ImportProblems;
import org.baokao.domain.operator.Operator;
import org.baokao.domain.operator.OperatorRole;
import org.baokao.tabular.ImportFileException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Operators import an exam's candidate roster (ACC-3): upload a CSV or XLSX file (multipart field {@code file}),
 * follow the job's progress, read the refused rows page by page or download them as a CSV report. OPS-3: bureau
 * administrators upload (audited {@code roster.import}), auditors read; an import is found only at the address of the
 * bureau it was uploaded for.
 */
@RestController
@RequestMapping("/api/accounts/operations/rosters/{examCode}/imports")
@PreAuthorize("hasRole('operator')")
public class RosterImportController {

    private final RosterImports imports;

    public RosterImportController(RosterImports imports) {
        this.imports = imports;
    }

    /** 202 with the queued job; the file was checked as a whole first (400/413 otherwise, nothing stored). */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<RosterImportProgress> upload(@PathVariable String examCode,
            @RequestPart(name = "file", required = false) MultipartFile file, Operator operator) {
        operator.require(OperatorRole.BUREAU_ADMIN);
        RosterImportProgress queued = imports.accept(examCode, file, operator);
        return ResponseEntity.accepted()
                .location(URI.create("/api/accounts/operations/rosters/" + examCode + "/imports/" + queued.importId()))
                .body(queued);
    }

    /** The exam's latest imports, newest first. */
    @GetMapping
    public List<RosterImportProgress> recent(@PathVariable String examCode, Operator operator) {
        reader(operator);
        return imports.recent(operator.bureau(), examCode);
    }

    @GetMapping("/{importId}")
    public RosterImportProgress progress(@PathVariable String examCode, @PathVariable UUID importId,
            Operator operator) {
        reader(operator);
        return imports.progress(operator.bureau(), examCode, importId).orElseThrow(imports::notFound);
    }

    /** Refused rows in line order; {@code page} counts from 0. */
    @GetMapping("/{importId}/errors")
    public ImportJobs.ErrorPage errors(@PathVariable String examCode, @PathVariable UUID importId,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
            Operator operator) {
        reader(operator);
        return imports.errors(operator.bureau(), examCode, importId, page, size);
    }

    /** Every refused row as CSV (UTF-8 with BOM, so Excel shows the Chinese text right). */
    @GetMapping("/{importId}/errors.csv")
    public void errorsCsv(@PathVariable String examCode, @PathVariable UUID importId, Operator operator,
            HttpServletResponse response) throws IOException {
        reader(operator);
        imports.progress(operator.bureau(), examCode, importId).orElseThrow(imports::notFound);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("考生名单导入错误-" + importId + ".csv", StandardCharsets.UTF_8).build().toString());
        imports.writeErrorsCsv(operator.bureau(), examCode, importId, response.getOutputStream());
    }

    /** Who reads imports (OPS-3): the bureau's administrators and its auditors. */
    private static void reader(Operator operator) {
        operator.require(OperatorRole.BUREAU_ADMIN, OperatorRole.AUDITOR);
    }

    @ExceptionHandler(ImportFileException.class)
    ResponseEntity<ProblemDetail> refused(ImportFileException refused) {
        return ImportProblems.of(refused, imports.codePrefix());
    }
}
