package org.baokao.enrollment.courseplan;

import static org.baokao.tabular.ImportFileException.Fault.FILE_EMPTY;
import static org.baokao.tabular.ImportFileException.Fault.NO_ROWS;
import static org.baokao.tabular.ImportFileException.Fault.TOO_MANY_ROWS;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.baokao.domain.Refusal;
import org.baokao.domain.operator.Operator;
import org.baokao.enrollment.exam.Catalogue;
import org.baokao.enrollment.exam.CoursePlanCatalogue;
import org.baokao.enrollment.exam.Exam;
import org.baokao.enrollment.exam.ExamConfigurationException;
import org.baokao.enrollment.exam.ExamConfigurations;
import org.baokao.enrollment.exam.ExamKind;
import org.baokao.tabular.FileFormat;
import org.baokao.tabular.ImportFileException;
import org.baokao.tabular.RowError;
import org.baokao.tabular.SourceRow;
import org.baokao.tabular.TableFiles;
import org.baokao.tabular.TableHeader;
import org.baokao.tabular.TableRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Operators load the courses of a 自考 sitting's plan from a file (ENR-1, ENR-9): CSV (UTF-8 or GBK) or XLSX, one row
 * per course ({@link CoursePlanColumn}). Every major the file names gets exactly the file's courses; the rest of the
 * plan and of the exam stays. All or nothing: a file refused as a whole ({@link ImportFileException}), a row that
 * cannot be read, a university or major the plan lacks, or a course that breaks the plan's rules
 * ({@code CoursePlanCatalogue.check}) stores nothing and answers every error at once. A stored plan is published as
 * any exam configuration is ({@code ExamConfigured}).
 */
@Service
class CoursePlanImports {

    /** Far more courses than a sitting has (a few thousand): a sign of the wrong file. */
    static final int MAX_ROWS = 20_000;
    static final String CODE_PREFIX = "COURSE_PLAN";
    /** Audit action of a course plan loaded from a file (OPS-3). */
    static final String AUDIT_ACTION = "course-plan.import";
    private static final Logger log = LoggerFactory.getLogger(CoursePlanImports.class);

    private final ExamConfigurations exams;

    CoursePlanImports(ExamConfigurations exams) {
        this.exams = exams;
    }

    /** What an import stored: the majors it replaced the courses of, and how many courses the file had. */
    record Imported(String examCode, int courses, List<CoursePlanMerge.MajorCount> majors) {
    }

    /**
     * Loads {@code file} (uploaded as {@code originalName}) into the plan of exam {@code examCode} of the operator's
     * bureau: 404 {@code EXAM_NOT_FOUND} for another bureau's exam, 409 for an exam without a course plan. A stored
     * plan is audited ({@value #AUDIT_ACTION}) in the transaction that stores it.
     */
    Imported load(Operator operator, String examCode, Path file, String originalName) throws IOException {
        planOf(exams.require(operator.bureau(), examCode));
        List<CoursePlanRow> rows = read(file, originalName);
        // the merge is made of the exam as stored, its row locked: two imports of one exam queue
        AtomicReference<CoursePlanMerge> merged = new AtomicReference<>();
        try {
            exams.replaceCatalogue(examCode, current -> {
                try {
                    merged.set(CoursePlanMerge.of(planOf(current), rows));
                } catch (CoursePlanMerge.Unplaced unplaced) {
                    throw new CoursePlanRowsRefused(unplaced.errors());
                }
                return merged.get().plan();
            }, operator, AUDIT_ACTION, () -> Map.of("file", fileName(originalName),
                    "courses", String.valueOf(rows.size()),
                    "majors", String.valueOf(merged.get().majors().size())));
        } catch (ExamConfigurationException broken) {
            throw new CoursePlanRowsRefused(merged.get().rowErrors(broken.violations()));
        }
        log.info("Course plan of exam {} loaded from a file: {} courses of {} majors", examCode, rows.size(),
                merged.get().majors().size());
        return new Imported(examCode, rows.size(), merged.get().majors());
    }

    /** The uploaded file's own name for the audit trail: no folder part, at most 100 characters. */
    static String fileName(String originalName) {
        if (originalName == null || originalName.isBlank()) {
            return "";
        }
        String name = originalName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        return name.length() > 100 ? name.substring(0, 100) : name;
    }

    private static CoursePlanCatalogue planOf(Exam exam) {
        Catalogue catalogue = exam.catalogue();
        if (catalogue instanceof CoursePlanCatalogue plan) {
            return plan;
        }
        if (exam.kind() != ExamKind.SELF_STUDY) {
            throw Refusal.conflict("COURSE_PLAN_NOT_APPLICABLE", "该考试不是自学考试，没有课程计划");
        }
        throw Refusal.conflict("CATALOGUE_NOT_CONFIGURED", "该考试尚未配置主考学校和专业，请先配置后再导入课程计划");
    }

    /** Every row of the file as a course, or every error of its rows. */
    private static List<CoursePlanRow> read(Path file, String originalName) throws IOException {
        if (Files.size(file) == 0) {
            throw new ImportFileException(FILE_EMPTY, "上传的文件是空的");
        }
        FileFormat format = TableFiles.formatOf(file, originalName);
        List<CoursePlanRow> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        int count = 0;
        try (TableRows table = TableFiles.open(file, format)) {
            TableHeader header = TableHeader.find(table, CoursePlanColumn.ALL);
            if (header == null) {
                throw new ImportFileException(FILE_EMPTY, "上传的文件没有内容");
            }
            SourceRow source;
            while ((source = table.nextNonBlank()) != null) {
                if (++count > MAX_ROWS) {
                    throw new ImportFileException(TOO_MANY_ROWS, "文件中的课程超过" + MAX_ROWS + "行，请检查是否选错了文件");
                }
                CoursePlanRowReader.Read read = CoursePlanRowReader.read(source, header);
                if (read.row() != null) {
                    rows.add(read.row());
                } else {
                    errors.addAll(read.errors());
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (count == 0) {
            throw new ImportFileException(NO_ROWS, "文件中只有表头，没有课程数据");
        }
        if (!errors.isEmpty()) {
            throw new CoursePlanRowsRefused(errors);
        }
        return rows;
    }
}
