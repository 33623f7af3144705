package org.baokao.enrollment.courseplan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.baokao.domain.DomainModel;
import org.baokao.enrollment.exam.CoursePlanCatalogue;
import org.baokao.enrollment.exam.CoursePlanCatalogue.Major;
import org.baokao.enrollment.exam.CoursePlanCatalogue.University;
import org.baokao.enrollment.exam.PracticalCourse;
import org.baokao.enrollment.exam.TheoryCourse;
import org.baokao.enrollment.exam.Violation;
import org.baokao.tabular.RowError;

/**
 * A course plan file's courses put into the sitting's plan (ENR-1, ENR-9): every major the file names gets exactly the
 * file's courses, theory and practical, in the file's order; majors it does not name keep theirs. The universities
 * and majors must be the plan's (the file loads courses, not universities: those are configured with the exam). What
 * the plan's check then says of a course is told at the file's line and column ({@link #rowErrors}).
 */
@DomainModel
final class CoursePlanMerge {

    private static final Pattern COURSE_FIELD = Pattern.compile(
            "catalogue\\.universities\\[(\\d+)]\\.majors\\[(\\d+)]\\.(theoryCourses|practicalCourses)\\[(\\d+)](?:\\.(\\w+))?.*");

    private final CoursePlanCatalogue plan;
    /** The file's line of each course, by its place in the plan: "u/m/theoryCourses/c". */
    private final Map<String, Integer> lines;
    private final List<MajorCount> majors;

    private CoursePlanMerge(CoursePlanCatalogue plan, Map<String, Integer> lines, List<MajorCount> majors) {
        this.plan = plan;
        this.lines = lines;
        this.majors = majors;
    }

    /** A major the file named, with how many courses of each kind it now has. */
    record MajorCount(String universityCode, String universityName, String majorCode, String majorName,
            int theoryCourses, int practicalCourses) {
    }

    /** The file's rows could not be placed: universities or majors the plan does not have. */
    static final class Unplaced extends RuntimeException {

        private final List<RowError> errors;

        Unplaced(List<RowError> errors) {
            super(errors.getFirst().reason(), null, false, false);
            this.errors = List.copyOf(errors);
        }

        List<RowError> errors() {
            return errors;
        }
    }

    /** {@code current} with the courses of {@code rows}; {@link Unplaced} for rows of unknown universities or majors. */
    static CoursePlanMerge of(CoursePlanCatalogue current, List<CoursePlanRow> rows) {
        Map<String, List<CoursePlanRow>> byMajor = new LinkedHashMap<>();
        List<RowError> errors = new ArrayList<>();
        for (CoursePlanRow row : rows) {
            University university = current.universities().stream()
                    .filter(u -> u != null && u.code().equals(row.universityCode())).findFirst().orElse(null);
            if (university == null) {
                errors.add(CoursePlanRowReader.error(row.line(), CoursePlanColumn.UNIVERSITY_CODE, "UNIVERSITY_UNKNOWN",
                        "主考学校代码" + row.universityCode() + "不在本次考试的主考学校中（请先在考试配置中添加主考学校）"));
            } else if (university.majors().stream().noneMatch(m -> m != null && m.code().equals(row.majorCode()))) {
                errors.add(CoursePlanRowReader.error(row.line(), CoursePlanColumn.MAJOR_CODE, "MAJOR_UNKNOWN",
                        university.name() + "没有专业代码为" + row.majorCode() + "的专业（请先在考试配置中添加专业）"));
            } else {
                byMajor.computeIfAbsent(row.universityCode() + "/" + row.majorCode(), key -> new ArrayList<>()).add(row);
            }
        }
        if (!errors.isEmpty()) {
            throw new Unplaced(errors);
        }
        Map<String, Integer> lines = new HashMap<>();
        List<MajorCount> counts = new ArrayList<>();
        List<University> universities = new ArrayList<>();
        for (int u = 0; u < current.universities().size(); u++) {
            University university = current.universities().get(u);
            List<Major> majors = new ArrayList<>();
            for (int m = 0; m < university.majors().size(); m++) {
                Major major = university.majors().get(m);
                List<CoursePlanRow> named = byMajor.get(university.code() + "/" + major.code());
                if (named == null) {
                    majors.add(major);
                    continue;
                }
                List<TheoryCourse> theory = new ArrayList<>();
                List<PracticalCourse> practical = new ArrayList<>();
                for (CoursePlanRow row : named) {
                    if (row.isTheory()) {
                        lines.put(u + "/" + m + "/theoryCourses/" + theory.size(), row.line());
                        theory.add(row.theory());
                    } else {
                        lines.put(u + "/" + m + "/practicalCourses/" + practical.size(), row.line());
                        practical.add(row.practical());
                    }
                }
                majors.add(new Major(major.code(), major.name(), major.special(), theory, practical));
                counts.add(new MajorCount(university.code(), university.name(), major.code(), major.name(),
                        theory.size(), practical.size()));
            }
            universities.add(new University(university.code(), university.name(), university.notice(), majors));
        }
        return new CoursePlanMerge(new CoursePlanCatalogue(universities, current.outerAreas(), current.questionnaire()),
                lines, counts);
    }

    CoursePlanCatalogue plan() {
        return plan;
    }

    List<MajorCount> majors() {
        return majors;
    }

    /**
     * The plan's violations as errors of the file: a course's at its line and column; anything else (not of a course
     * from the file: a stored plan is sound, so there should be none) at line 0 with the plan's field path.
     */
    List<RowError> rowErrors(List<Violation> violations) {
        List<RowError> errors = new ArrayList<>();
        for (Violation violation : violations) {
            Matcher course = COURSE_FIELD.matcher(violation.field());
            Integer line = course.matches() ? lines.get(course.group(1) + "/" + course.group(2) + "/"
                    + course.group(3) + "/" + course.group(4)) : null;
            if (line == null) {
                errors.add(new RowError(0, violation.field(), violation.code(), violation.message()));
                continue;
            }
            CoursePlanColumn column = course.group(5) == null ? null : CoursePlanColumn.ofProperty(course.group(5));
            errors.add(new RowError(line, column == null ? null : column.header(), violation.code(),
                    violation.message()));
        }
        errors.sort(java.util.Comparator.comparingInt(RowError::line));
        return errors;
    }
}
