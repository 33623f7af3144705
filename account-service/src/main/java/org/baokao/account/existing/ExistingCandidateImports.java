package org.baokao.account.existing;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.baokao.account.fileimport.ImportJobs;
import org.baokao.account.fileimport.ImportKind;
import org.baokao.account.fileimport.RowChecker;
import org.baokao.domain.Refusal;
import org.baokao.domain.operator.Operator;
import org.baokao.tabular.ImportColumn;
import org.baokao.tabular.TableHeader;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * 在籍考生 imports (ACC-9, SST-3): a bureau's existing candidates from the old system, one row per university + major
 * each holds, checked by {@link ExistingRowChecker} and written by {@link ExistingCandidateWriter}, run as jobs of
 * fileimport's {@link ImportJobs} like the roster imports (formats, whole-file checks, batches, progress, refused
 * rows, limits, restarts). The scope of an import is its bureau (考试院, BUR-1). See docs/SHANGHAI.md.
 */
@Service
public class ExistingCandidateImports implements ImportKind<ExistingRow> {

    private final ImportJobs jobs;
    private final ExistingCandidateWriter writer;
    private final Clock clock;

    ExistingCandidateImports(ImportJobs jobs, ExistingCandidateWriter writer, Clock clock) {
        this.jobs = jobs;
        this.writer = writer;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "EXISTING";
    }

    @Override
    public String codePrefix() {
        return "EXISTING";
    }

    @Override
    public String fileNoun() {
        return "在籍考生名单";
    }

    @Override
    public String auditAction() {
        return "existing-candidates.import";
    }

    @Override
    public List<? extends ImportColumn> columns() {
        return List.of(ExistingColumn.values());
    }

    @Override
    public RowChecker<ExistingRow> checker(TableHeader header) {
        return new ExistingRowChecker(header, clock);
    }

    @Override
    public PreparedBatch prepare(String bureau, List<ExistingRow> rows) {
        return writer.prepare(bureau, rows);
    }

    /**
     * An operator's upload into their bureau (OPS-3, audited {@code existing-candidates.import}): checks {@code file}
     * and queues its import; a refused file throws and leaves nothing stored.
     */
    public ExistingImportProgress accept(MultipartFile file, Operator operator) {
        return ExistingImportProgress.of(jobs.accept(this, operator.bureau(), file, operator));
    }

    /** The platform's own upload (demo data) into {@code bureau}: not an operator's, not audited. */
    public ExistingImportProgress accept(String bureau, MultipartFile file, String operator) {
        return ExistingImportProgress.of(jobs.accept(this, bureau, bureau, file, operator));
    }

    public List<ExistingImportProgress> recent(String bureau) {
        return jobs.recent(this, bureau, bureau).stream().map(ExistingImportProgress::of).toList();
    }

    public Optional<ExistingImportProgress> progress(String bureau, UUID importId) {
        return jobs.progress(this, bureau, bureau, importId).map(ExistingImportProgress::of);
    }

    /** One page (from 0) of the refused rows, in line order. */
    public ImportJobs.ErrorPage errors(String bureau, UUID importId, int page, int size) {
        return jobs.errors(this, bureau, bureau, importId, page, size);
    }

    /** The whole error report as CSV in UTF-8 with a BOM. */
    public void writeErrorsCsv(String bureau, UUID importId, OutputStream out) throws IOException {
        jobs.writeErrorsCsv(this, bureau, bureau, importId, out);
    }

    Refusal notFound() {
        return ImportJobs.notFound(this);
    }
}
