package org.baokao.enrollment.exam;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The Shanghai 自考 catalogue, the sitting's course plan (ENR-1 for {@code SELF_STUDY}, ENR-8, ENR-9): the examining
 * universities (主考学校) a new candidate registers with (ACC-3, open registration), each with its majors and, per major,
 * the theory courses of the sitting each in a half-day slot and the practical courses; the outer exam areas (远郊考区)
 * a candidate may prefer; and the sitting's 问卷调查, answered before choosing courses (SST-4). Operators send it whole
 * with the exam (JSON) or load the courses of some majors from a file ({@code courseplan}); {@link #check()} keeps it
 * sound either way. A plan stored before courses existed reads with empty course lists, no outer areas and no
 * questionnaire.
 *
 * <pre>
 * { "form": "COURSE_PLAN",
 *   "universities": [ { "code": "10246", "name": "复旦大学", "notice": "本校实践课程须经人工审核后缴费……",
 *       "majors": [ { "code": "B050301", "name": "新闻学", "special": false,
 *           "theoryCourses": [ { "code": "00642", "name": "传播学概论", "credits": 5, "feeFen": 4500,
 *                                "date": "2026-10-24", "halfDay": "AM" } ],
 *           "practicalCourses": [ { "code": "10287", "name": "新闻摄影（实践）", "credits": 2,
 *                                   "category": "NON_PUBLIC", "payment": "REVIEW_BEFORE_PAYMENT",
 *                                   "date": "2026-10-25", "halfDay": "AM" } ] } ] } ],
 *   "outerAreas": [ { "code": "310116", "name": "金山区" } ],
 *   "questionnaire": { "version": "2026-10", "title": "考生问卷调查",
 *       "questions": [ { "id": "purpose", "text": "您报考自学考试的主要目的是", "kind": "SINGLE",
 *                        "options": ["提升学历", "职业发展需要"], "required": true },
 *                      { "id": "advice", "text": "您对自学考试报名工作的建议", "kind": "TEXT" } ] } }
 * </pre>
 *
 * A theory course's fee is its own ({@code feeFen}, paid through the public payment platform); practical courses are
 * never paid online (实践课缴费以院校通知为准). So no course needs an item of the exam's fee schedule:
 * {@link #chargeableCodes()} is empty.
 */
public record CoursePlanCatalogue(List<University> universities, List<OuterArea> outerAreas,
        Questionnaire questionnaire) implements Catalogue {

    public static final String FORM = "COURSE_PLAN";
    /** The 温馨提示 is a short notice on the registration page, not a document. */
    static final int MAX_NOTICE_LENGTH = 500;

    /**
     * An examining university (主考学校): its code and name, its optional 温馨提示 shown on the registration page,
     * and the majors new candidates may register for there.
     */
    public record University(String code, String name, String notice, List<Major> majors) {

        public University {
            majors = keepingNulls(majors);
        }
    }

    /**
     * A major of an examining university. {@code special} marks 特殊专业 (中药学, 护理学, ...) whose candidates are
     * reviewed by hand (ENR-10); false when not sent. It is a {@code Boolean} never null because Jackson 3 refuses
     * a missing {@code boolean} (FAIL_ON_NULL_FOR_PRIMITIVES) and operators should not have to send false.
     */
    public record Major(String code, String name, Boolean special, List<TheoryCourse> theoryCourses,
            List<PracticalCourse> practicalCourses) {

        public Major {
            special = Boolean.TRUE.equals(special);
            theoryCourses = keepingNulls(theoryCourses);
            practicalCourses = keepingNulls(practicalCourses);
        }

        /** A major without courses yet (registration needs only the major). */
        public Major(String code, String name, Boolean special) {
            this(code, name, special, List.of(), List.of());
        }
    }

    public CoursePlanCatalogue {
        universities = keepingNulls(universities);
        outerAreas = keepingNulls(outerAreas);
    }

    /** A plan of universities and majors only: no courses, outer areas or questionnaire yet. */
    public CoursePlanCatalogue(List<University> universities) {
        this(universities, List.of(), null);
    }

    /**
     * Unmodifiable, but unlike {@code List.copyOf} it keeps null entries: a {@code null} sent for a university or
     * a major must reach {@link #check()} to be reported at its place, not fail while the JSON is read.
     */
    static <T> List<T> keepingNulls(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }

    @Override
    @JsonIgnore
    public ExamKind servesKind() {
        return ExamKind.SELF_STUDY;
    }

    /**
     * Nothing: a theory course carries its own fee ({@code feeFen}) and a practical course is paid at the university,
     * so no course needs an item of the fee schedule (see the class comment).
     */
    @Override
    @JsonIgnore
    public Set<String> chargeableCodes() {
        return Set.of();
    }

    @Override
    @JsonIgnore
    public List<Violation> check() {
        List<Violation> violations = new ArrayList<>();
        if (universities.isEmpty()) {
            violations.add(new Violation("catalogue.universities", "CATALOGUE_UNIVERSITIES_REQUIRED",
                    "目录中至少要有一个主考学校"));
        }
        Set<String> codes = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < universities.size(); i++) {
            University university = universities.get(i);
            String field = "catalogue.universities[" + i + "]";
            if (university == null) {
                violations.add(new Violation(field, "UNIVERSITY_REQUIRED", "主考学校不能为空"));
                continue;
            }
            if (Checks.code(violations, field + ".code", university.code(), "UNIVERSITY", "主考学校")
                    && !codes.add(university.code())) {
                violations.add(new Violation(field + ".code", "UNIVERSITY_CODE_DUPLICATE",
                        "主考学校代码重复：" + university.code()));
            }
            // candidates choose by name: two universities of one name could not be told apart
            if (Checks.name(violations, field + ".name", university.name(), "UNIVERSITY", "主考学校")
                    && !names.add(university.name().strip())) {
                violations.add(new Violation(field + ".name", "UNIVERSITY_NAME_DUPLICATE",
                        "主考学校名称重复：" + university.name().strip()));
            }
            String notice = university.notice();
            if (notice != null && notice.codePointCount(0, notice.length()) > MAX_NOTICE_LENGTH) {
                violations.add(new Violation(field + ".notice", "UNIVERSITY_NOTICE_TOO_LONG",
                        "主考学校的温馨提示不能超过" + MAX_NOTICE_LENGTH + "个字"));
            }
            checkMajors(violations, field, university);
        }
        CoursePlanChecks.outerAreas(violations, outerAreas);
        if (questionnaire != null) {
            CoursePlanChecks.questionnaire(violations, questionnaire);
        }
        return violations;
    }

    private static void checkMajors(List<Violation> violations, String universityField, University university) {
        if (university.majors().isEmpty()) {
            violations.add(new Violation(universityField + ".majors", "UNIVERSITY_MAJORS_REQUIRED",
                    "主考学校" + describe(university) + "至少要有一个专业"));
        }
        // major codes are unique per university only: two universities may offer the same major
        Set<String> codes = new HashSet<>();
        for (int m = 0; m < university.majors().size(); m++) {
            Major major = university.majors().get(m);
            String field = universityField + ".majors[" + m + "]";
            if (major == null) {
                violations.add(new Violation(field, "MAJOR_REQUIRED", "专业不能为空"));
                continue;
            }
            if (Checks.code(violations, field + ".code", major.code(), "MAJOR", "专业") && !codes.add(major.code())) {
                violations.add(new Violation(field + ".code", "MAJOR_CODE_DUPLICATE",
                        "主考学校" + describe(university) + "的专业代码重复：" + major.code()));
            }
            Checks.name(violations, field + ".name", major.name(), "MAJOR", "专业");
            CoursePlanChecks.courses(violations, field, major);
        }
    }

    private static String describe(University university) {
        return university.name() != null && !university.name().isBlank() ? university.name().strip()
                : university.code() == null ? "" : university.code();
    }
}
