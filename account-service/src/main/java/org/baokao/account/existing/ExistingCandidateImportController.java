package org.baokao.account.existing;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.baokao.account.bureau.Bureaus;
import org.baokao.account.fileimport.ImportJobs;
import org.baokao.account.fileimport.ImportProblems;
import org.baokao.domain.operator.Operator;
import org.baokao.domain.operator.OperatorRole;
import org.baokao.tabular.ImportFileException;
import org.baokao.web.bureau.RequestBureau;
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
 * Operators import the addressed bureau's 在籍考生 (ACC-9, SST-3; {@code /sh/api/...} imports Shanghai's): upload a CSV
 * or XLSX file (multipart field {@code file}), follow the job's progress, read the refused rows page by page or
 * download them as a CSV report. An import is found only at its own bureau's address. OPS-3: bureau administrators
 * upload (audited {@code existing-candidates.import}), auditors read.
 */
@RestController
@RequestMapping("/api/accounts/operations/existing-candidates/imports")
@PreAuthorize("hasRole('operator')")
class ExistingCandidateImportController {

    private final ExistingCandidateImports imports;
    private final Bureaus bureaus;

    ExistingCandidateImportController(ExistingCandidateImports imports, Bureaus bureaus) {
        this.imports = imports;
        this.bureaus = bureaus;
    }

    /** 202 with the queued job; the file was checked as a whole first (400/413 otherwise, nothing stored). */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ExistingImportProgress> upload(@RequestPart(name = "file", required = false) MultipartFile file,
            RequestBureau addressed, Operator operator) {
        operator.require(OperatorRole.BUREAU_ADMIN);
        bureaus.of(addressed);
        ExistingImportProgress queued = imports.accept(file, operator);
        return ResponseEntity.accepted()
                .location(URI.create("/api/accounts/operations/existing-candidates/imports/" + queued.importId()))
                .body(queued);
    }

    /** The bureau's latest imports, newest first. */
    @GetMapping
    List<ExistingImportProgress> recent(RequestBureau addressed, Operator operator) {
        reader(operator);
        return imports.recent(bureaus.of(addressed).code());
    }

    @GetMapping("/{importId}")
    ExistingImportProgress progress(@PathVariable UUID importId, RequestBureau addressed, Operator operator) {
        reader(operator);
        return imports.progress(bureaus.of(addressed).code(), importId).orElseThrow(imports::notFound);
    }

    /** Refused rows in line order; {@code page} counts from 0. */
    @GetMapping("/{importId}/errors")
    ImportJobs.ErrorPage errors(@PathVariable UUID importId, RequestBureau addressed,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
            Operator operator) {
        reader(operator);
        return imports.errors(bureaus.of(addressed).code(), importId, page, size);
    }

    /** Every refused row as CSV (UTF-8 with BOM, so Excel shows the Chinese text right). */
    @GetMapping("/{importId}/errors.csv")
    void errorsCsv(@PathVariable UUID importId, RequestBureau addressed, Operator operator,
            HttpServletResponse response) throws IOException {
        reader(operator);
        String bureau = bureaus.of(addressed).code();
        imports.progress(bureau, importId).orElseThrow(imports::notFound);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("在籍考生导入错误-" + importId + ".csv", StandardCharsets.UTF_8).build().toString());
        imports.writeErrorsCsv(bureau, importId, response.getOutputStream());
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
