package org.baokao.account.fileimport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.baokao.domain.operator.Operator;
import org.baokao.domain.operator.OperatorRole;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletResponse;

/**
 * OPS-3 数据导入: the bureau's imports of every kind (考生名单, 在籍考生) as the operator console shows them — the
 * history, newest first, with counts and state; one import's progress (what the console polls after an upload);
 * its refused rows as JSON for a table and as a CSV file to download. Bureau administrators and auditors read; only
 * the addressed bureau's imports exist here (another bureau's is 404). Uploads stay each kind's own endpoint.
 */
@RestController
@RequestMapping("/api/accounts/operations/imports")
@PreAuthorize("hasRole('operator')")
class ImportHistoryController {

    private static final java.util.Set<String> KINDS = java.util.Set.of("ROSTER", "EXISTING");

    private final ImportJobs jobs;

    ImportHistoryController(ImportJobs jobs) {
        this.jobs = jobs;
    }

    /** {@code kind}: ROSTER or EXISTING (all kinds when absent); {@code page} from 0, {@code size} up to 100. */
    @GetMapping
    ImportJobs.History history(Operator operator, @RequestParam(required = false) String kind,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        reader(operator);
        if (kind != null && !kind.isBlank() && !KINDS.contains(kind)) {
            throw Refusal.invalid("IMPORT_KIND_INVALID", "导入类型只能是ROSTER（考生名单）或EXISTING（在籍考生）");
        }
        return jobs.history(operator.bureau(), kind, page, size);
    }

    @GetMapping("/{importId}")
    ImportProgress progress(@PathVariable UUID importId, Operator operator) {
        reader(operator);
        return jobs.progress(operator.bureau(), importId).orElseThrow(ImportJobs::notFound);
    }

    /** Refused rows in line order; {@code page} counts from 0. */
    @GetMapping("/{importId}/errors")
    ImportJobs.ErrorPage errors(@PathVariable UUID importId, Operator operator,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        reader(operator);
        return jobs.errors(operator.bureau(), importId, page, size);
    }

    /** Every refused row as CSV (UTF-8 with BOM, so Excel shows the Chinese text right). */
    @GetMapping("/{importId}/errors.csv")
    void errorsCsv(@PathVariable UUID importId, Operator operator, HttpServletResponse response) throws IOException {
        reader(operator);
        ImportProgress job = jobs.progress(operator.bureau(), importId).orElseThrow(ImportJobs::notFound);
        String noun = "EXISTING".equals(job.kind()) ? "在籍考生" : "考生名单";
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(noun + "导入错误-" + importId + ".csv", StandardCharsets.UTF_8).build().toString());
        jobs.writeErrorsCsv(importId, response.getOutputStream());
    }

    /** Who reads imports (OPS-3): the bureau's administrators and its auditors. */
    private static void reader(Operator operator) {
        operator.require(OperatorRole.BUREAU_ADMIN, OperatorRole.AUDITOR);
    }
}
