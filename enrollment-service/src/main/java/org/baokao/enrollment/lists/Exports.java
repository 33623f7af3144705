package org.baokao.enrollment.lists;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.baokao.domain.operator.AuditReason;
import org.baokao.domain.operator.Operator;
import org.baokao.domain.operator.OperatorRole;
import org.baokao.enrollment.exam.Exam;
import org.baokao.enrollment.exam.ExamConfigurations;
import org.baokao.enrollment.exam.ExamKind;
import org.baokao.jobs.Jobs;
import org.baokao.messaging.audit.OperatorAudit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 数据导出 (OPS-3): an operator asks for an exam's 已报名 or 已缴费 list, per 考点 or per 主考学校, as XLSX or CSV. The
 * request is checked (role, reason, the exam in the bureau, a grouping the exam has), stored, queued as a job and
 * audited ({@code export.create}, with the reason typed: the file holds names in clear) in one transaction; the job
 * ({@link ExportJob}) writes the file within the scope the operator had when asking, reporting its progress. Only the
 * operator who asked sees an export and downloads its file: another operator's export is 404.
 */
@Service
public class Exports {

    private static final Logger log = LoggerFactory.getLogger(Exports.class);
    private static final OperatorRole[] ROLES = { OperatorRole.BUREAU_ADMIN, OperatorRole.FINANCE,
            OperatorRole.CITY_OPERATOR, OperatorRole.UNIVERSITY_REVIEWER };
    private static final int PROGRESS_EVERY = 200;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(Exam.ZONE);

    private final ExamConfigurations exams;
    private final CandidateLists lists;
    private final ExportStore store;
    private final Jobs jobs;
    private final OperatorAudit audit;
    private final Clock clock;

    Exports(ExamConfigurations exams, CandidateLists lists, ExportStore store, Jobs jobs, OperatorAudit audit,
            Clock clock) {
        this.exams = exams;
        this.lists = lists;
        this.store = store;
        this.jobs = jobs;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the operator asked for, as sent (checked here). */
    public record Request(String exam, String list, String grouping, String format, String reason) {
    }

    @Transactional
    public Export create(Operator operator, Request request) {
        operator.require(ROLES);
        ListKind kind = parse(ListKind.class, request.list(), "LIST_KIND_INVALID", "请选择名单类型（已报名或已缴费）");
        Grouping grouping = parse(Grouping.class, request.grouping(), "GROUPING_INVALID", "请选择分组方式（按考点或按主考学校）");
        ExportFormat format = parse(ExportFormat.class, request.format(), "FORMAT_INVALID", "请选择文件格式（XLSX 或 CSV）");
        String reason = AuditReason.require(request.reason());
        ListQuery query = ListQuery.of(operator, request.exam(), null, null, null, null, kind);
        if (query.scope().isNothing()) {
            throw Operator.outOfScope();
        }
        Exam exam = exams.require(operator.bureau(), query.exam());
        requireGroupingFits(exam, grouping);
        Export export = new Export(UUID.randomUUID(), operator.bureau(), exam.code(), kind, grouping, format,
                query.scope(), reason, operator.subject(), operator.name(), Export.Status.QUEUED, null, 0, null,
                null, clock.instant(), null);
        store.insert(export);
        jobs.schedule(ExportJob.TASK, export.id().toString(), export.createdAt());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("exportId", export.id().toString());
        details.put("list", kind.chineseName());
        details.put("grouping", grouping.chineseName());
        details.put("format", format.name());
        details.put("scope", scopeLabel(query.scope()));
        details.put("inClear", "姓名");
        audit.record(operator, "export.create", "exam", exam.code(), exam.name(), reason, details);
        return export;
    }

    public Export get(Operator operator, UUID id) {
        operator.require(ROLES);
        return store.find(id).filter(export -> isOwn(operator, export)).orElseThrow(Operator::outOfScope);
    }

    public record History(List<Export> items, long total) {
    }

    public History history(Operator operator, int page, int size) {
        operator.require(ROLES);
        return new History(store.of(operator.bureau(), operator.subject(), page, size),
                store.countOf(operator.bureau(), operator.subject()));
    }

    /** The file of a finished export; 409 {@code EXPORT_NOT_READY} while it is being written or if it failed. */
    public ExportStore.File file(Operator operator, UUID id) {
        Export export = get(operator, id);
        return store.file(export.id()).orElseThrow(() -> Refusal.conflict("EXPORT_NOT_READY",
                export.status() == Export.Status.FAILED ? "导出失败，请重新生成" : "文件尚在生成中，请稍后下载"));
    }

    /** The job: writes the file (again from the start if a previous run of it died), unless it is done already. */
    void run(UUID id) {
        Export export = store.find(id).orElse(null);
        if (export == null || export.status() == Export.Status.DONE || export.status() == Export.Status.FAILED) {
            return;
        }
        try {
            write(export);
        } catch (RuntimeException | IOException e) {
            log.warn("Export {} failed: {}", id, e.toString());
            store.failed(id, "导出过程中发生系统错误，请重新生成", clock.instant());
        }
    }

    private void write(Export export) throws IOException {
        Exam exam = exams.require(export.bureau(), export.examCode());
        ListQuery query = new ListQuery(exam.code(), null, null, null, null, export.kind(), export.scope());
        store.running(export.id(), lists.count(exam, query, export.grouping()));
        ExportTable table = new ExportTable(exam);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TableWriter writer = export.format() == ExportFormat.XLSX ? new XlsxTableWriter(bytes, table.header())
                : new CsvTableWriter(bytes, table.header());
        int[] written = { 0 };
        int[] inGroup = { 0 };
        Object[] current = { null };
        boolean[] started = { false };
        lists.each(exam, query, export.grouping(), (group, row) -> {
            try {
                if (!started[0] || !Objects.equals(group, current[0])) {
                    writer.group(table.groupTitle(group, row));
                    started[0] = true;
                    current[0] = group;
                    inGroup[0] = 0;
                }
                writer.row(table.cells(++inGroup[0], row));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (++written[0] % PROGRESS_EVERY == 0) {
                store.progress(export.id(), written[0]);
            }
        });
        writer.finish();
        store.done(export.id(), written[0], fileName(exam, export), export.format().contentType(),
                bytes.toByteArray(), clock.instant());
    }

    private static String fileName(Exam exam, Export export) {
        return exam.code() + "-" + export.kind().chineseName() + "-" + export.grouping().chineseName() + "-"
                + STAMP.format(export.createdAt()) + "." + export.format().extension();
    }

    private static void requireGroupingFits(Exam exam, Grouping grouping) {
        boolean selfStudy = exam.kind() == ExamKind.SELF_STUDY;
        if (selfStudy && grouping == Grouping.BY_LOCATION) {
            throw Refusal.invalid("GROUPING_NOT_AVAILABLE", "自学考试没有考点分组，请按主考学校导出");
        }
        if (!selfStudy && grouping == Grouping.BY_UNIVERSITY) {
            throw Refusal.invalid("GROUPING_NOT_AVAILABLE", "该考试没有主考学校分组，请按考点导出");
        }
    }

    private static boolean isOwn(Operator operator, Export export) {
        return export.bureau().equals(operator.bureau()) && export.requestedBy().equals(operator.subject());
    }

    private static String scopeLabel(ListScope scope) {
        if (scope.everything()) {
            return "全省";
        }
        return scope.city() != null ? "地市 " + scope.city() : "主考学校 " + scope.university();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String code, String message) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip());
        } catch (IllegalArgumentException unknown) {
            throw Refusal.invalid(code, message);
        }
    }
}
