package org.baokao.enrollment.catalogue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.baokao.domain.Refusal;
import org.baokao.enrollment.exam.Catalogue;
import org.baokao.enrollment.exam.CoursePlanCatalogue;
import org.baokao.enrollment.exam.Exam;
import org.baokao.enrollment.exam.ExamConfigurations;
import org.baokao.enrollment.exam.MajorScopeCatalogue;
import org.springframework.stereotype.Service;

/**
 * Catalogue look-ups the wizard and the public pages share: what a junior-college major can register for in a
 * 专升本 exam (ENR-4), and the examining universities and majors of a 自考 exam (ACC-3 open registration, ENR-8).
 */
@Service
public class Catalogues {

    private final ExamConfigurations exams;

    Catalogues(ExamConfigurations exams) {
        this.exams = exams;
    }

    /** A subject as shown: code and Chinese name. */
    public record SubjectView(String code, String name) {
    }

    /**
     * One choice for a major: the group code, its subjects in order (with {@code subjectNames} joined as the
     * Shandong form shows them, 英语、计算机、...) and its bachelor scope ({@code scopeNames} joined by ", ").
     */
    public record SubjectGroupView(String code, List<SubjectView> subjects, String subjectNames,
            List<MajorScopeCatalogue.ScopeMajor> scope, String scopeNames) {
    }

    /** What graduates of one junior-college major can choose from in one exam. */
    public record MajorChoices(String examCode, String majorCode, String majorName, List<SubjectGroupView> groups) {
    }

    /** The choices of {@code majorCode} in exam {@code examCode}; empty when the catalogue lacks the major. */
    public Optional<MajorChoices> choices(Exam exam, String majorCode) {
        if (!(exam.catalogue() instanceof MajorScopeCatalogue catalogue)) {
            return Optional.empty();
        }
        Map<String, MajorScopeCatalogue.Subject> subjects = catalogue.subjectsByCode();
        return catalogue.major(majorCode).map(major -> new MajorChoices(exam.code(), major.code(), major.name(),
                major.groups().stream().map(group -> {
                    List<SubjectView> shown = group.subjects().stream()
                            .map(code -> new SubjectView(code, subjects.get(code).name())).toList();
                    return new SubjectGroupView(group.code(), shown,
                            String.join("、", shown.stream().map(SubjectView::name).toList()), group.scope(),
                            String.join(", ", group.scope().stream().map(MajorScopeCatalogue.ScopeMajor::name)
                                    .toList()));
                }).toList()));
    }

    /**
     * As {@link #choices(Exam, String)}, by exam code at bureau {@code bureau}'s address; 404 {@code EXAM_NOT_FOUND}
     * (also for another bureau's exam) / {@code MAJOR_NOT_IN_CATALOGUE}.
     */
    public MajorChoices requireChoices(String bureau, String examCode, String majorCode) {
        return choices(exams.require(bureau, examCode), majorCode)
                .orElseThrow(() -> Refusal.notFound("MAJOR_NOT_IN_CATALOGUE", "招生专业目录中没有该专科专业：" + majorCode));
    }

    /**
     * The examining universities (主考学校) of exam {@code examCode} with their majors, in the operator's order;
     * 404 {@code EXAM_NOT_FOUND} (also for another bureau's exam than {@code bureau}'s), or 404
     * {@code CATALOGUE_NOT_CONFIGURED} when the exam has no course plan (a 专升本 exam, or a 自考 exam not configured
     * yet): a registration page has nothing to offer then.
     */
    public List<CoursePlanCatalogue.University> requireUniversities(String bureau, String examCode) {
        if (exams.require(bureau, examCode).catalogue() instanceof CoursePlanCatalogue catalogue) {
            return catalogue.universities();
        }
        throw Refusal.notFound("CATALOGUE_NOT_CONFIGURED", "该考试尚未配置主考学校和专业");
    }
}
