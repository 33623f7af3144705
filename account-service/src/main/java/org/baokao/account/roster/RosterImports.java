package org.baokao.account.roster;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.baokao.account.fileimport.ImportJobs;
import org.baokao.account.fileimport.ImportKind;
import org.baokao.account.fileimport.RowChecker;
import org.baokao.domain.Refusal;
import org.baokao.domain.operator.Operator;
import org.baokao.tabular.ImportColumn;
import org.baokao.tabular.TableHeader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Roster imports (ACC-3): an exam's roster file, its rows checked by {@link RosterRowChecker} and written by
 * {@link RosterBatchWriter}, run as a job of fileimport's {@link ImportJobs} (formats, whole-file checks, batches,
 * progress, refused rows, limits, restarts: see docs/ROSTER.md). The scope of a roster import is its exam.
 */
@Service
public class RosterImports implements ImportKind<RosterRow> {

    private static final Pattern EXAM_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");

    private final ImportJobs jobs;
    private final RosterBatchWriter writer;
    private final Clock clock;
    private final JdbcClient jdbc;

    RosterImports(ImportJobs jobs, RosterBatchWriter writer, Clock clock, JdbcClient jdbc) {
        this.jobs = jobs;
        this.writer = writer;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "ROSTER";
    }

    @Override
    public String codePrefix() {
        return "ROSTER";
    }

    @Override
    public String fileNoun() {
        return "考生名单";
    }

    @Override
    public String auditAction() {
        return "roster.import";
    }

    @Override
    public List<? extends ImportColumn> columns() {
        return List.of(RosterColumn.values());
    }

    @Override
    public RowChecker<RosterRow> checker(TableHeader header) {
        return new RosterRowChecker(header, clock);
    }

    @Override
    public PreparedBatch prepare(String examCode, List<RosterRow> rows) {
        return writer.prepare(examCode, rows);
    }

    /**
     * An operator's upload for their bureau (OPS-3, audited {@code roster.import}): checks {@code file} and queues its
     * import; a refused file throws and leaves nothing stored.
     */
    public RosterImportProgress accept(String examCode, MultipartFile file, Operator operator) {
        checkExamCode(examCode);
        refuseAnotherBureausExam(examCode, operator);
        return RosterImportProgress.of(jobs.accept(this, examCode, file, operator));
    }

    /** The platform's own upload (demo data) for {@code bureau}: not an operator's, not audited. */
    public RosterImportProgress accept(String bureau, String examCode, MultipartFile file, String operator) {
        checkExamCode(examCode);
        return RosterImportProgress.of(jobs.accept(this, bureau, examCode, file, operator));
    }

    public List<RosterImportProgress> recent(String bureau, String examCode) {
        checkExamCode(examCode);
        return jobs.recent(this, bureau, examCode).stream().map(RosterImportProgress::of).toList();
    }

    public Optional<RosterImportProgress> progress(String bureau, String examCode, UUID importId) {
        return jobs.progress(this, bureau, examCode, importId).map(RosterImportProgress::of);
    }

    /** One page (from 0) of the refused rows, in line order. */
    public ImportJobs.ErrorPage errors(String bureau, String examCode, UUID importId, int page, int size) {
        return jobs.errors(this, bureau, examCode, importId, page, size);
    }

    /** The whole error report as CSV in UTF-8 with a BOM. */
    public void writeErrorsCsv(String bureau, String examCode, UUID importId, OutputStream out) throws IOException {
        jobs.writeErrorsCsv(this, bureau, examCode, importId, out);
    }

    /**
     * A roster is imported at the address of its exam's bureau only (OPS-3, BUR-1): an exam account-service knows
     * (from its ExamConfigured events) to be another bureau's is 404, as it is to that operator everywhere. An exam
     * not known yet (configured before bureaus were kept, or its event still on the way) is not refused here.
     */
    private void refuseAnotherBureausExam(String examCode, Operator operator) {
        String bureau = jdbc.sql("select bureau from exam_registration_catalogue where exam_code = ?").param(examCode)
                .query(String.class).optional().orElse(null);
        if (bureau != null && !bureau.equals(operator.bureau())) {
            throw Refusal.notFound("EXAM_NOT_FOUND", "考试不存在");
        }
    }

    Refusal notFound() {
        return ImportJobs.notFound(this);
    }

    private static void checkExamCode(String examCode) {
        if (examCode == null || !EXAM_CODE.matcher(examCode).matches()) {
            throw Refusal.invalid("EXAM_CODE_INVALID", "考试代码格式不正确");
        }
    }
}
