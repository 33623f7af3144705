package org.baokao.enrollment.exam;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The Shandong 专升本 catalogue (ENR-4): the exam's subjects, and for each junior-college (专科) major code the
 * subject groups its graduates may choose from, each with the bachelor majors it opens (报考专业范围). A roster
 * entry's major code finds the candidate's choices: {@code 620403 医学影像技术} → 英语、计算机、大学语文、高等数学II
 * → 医学检验技术, 医学影像技术, 口腔医学技术, 卫生检验与检疫.
 */
public record MajorScopeCatalogue(List<Subject> subjects, List<JuniorMajor> majors) implements Catalogue {

    public static final String FORM = "MAJOR_SCOPE";

    /** An exam subject (考试科目), e.g. {@code MATH_II} 高等数学II. Its code is also its fee item's code. */
    public record Subject(String code, String name) {
    }

    /** A junior-college major as rosters name it (code + name) and the subject groups open to it. */
    public record JuniorMajor(String code, String name, List<SubjectGroup> groups) {

        public JuniorMajor {
            groups = groups == null ? List.of() : List.copyOf(groups);
        }
    }

    /**
     * One choice in step 4: the subjects sat (codes of {@link Subject}s, in the order shown) and the bachelor
     * majors it opens. {@code code} is what an enrollment records.
     */
    public record SubjectGroup(String code, List<String> subjects, List<ScopeMajor> scope) {

        public SubjectGroup {
            subjects = subjects == null ? List.of() : List.copyOf(subjects);
            scope = scope == null ? List.of() : List.copyOf(scope);
        }
    }

    /**
     * A bachelor major in a scope; {@code vocational} marks majors of vocational undergraduate universities
     * (shown with * in the Shandong form). {@code code} is optional.
     */
    public record ScopeMajor(String code, String name, boolean vocational) {
    }

    public MajorScopeCatalogue {
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
        majors = majors == null ? List.of() : List.copyOf(majors);
    }

    @Override
    @JsonIgnore
    public ExamKind servesKind() {
        return ExamKind.UNIFIED_UPGRADE;
    }

    /** The groups open to graduates of {@code majorCode}, if the catalogue knows that major. */
    public Optional<JuniorMajor> major(String majorCode) {
        return majors.stream().filter(major -> major.code().equals(majorCode)).findFirst();
    }

    public Optional<Subject> subject(String code) {
        return subjects.stream().filter(subject -> subject.code().equals(code)).findFirst();
    }

    @Override
    @JsonIgnore
    public Set<String> chargeableCodes() {
        Set<String> used = new LinkedHashSet<>();
        majors.forEach(major -> major.groups().forEach(group -> used.addAll(group.subjects())));
        return used;
    }

    @Override
    @JsonIgnore
    public List<Violation> check() {
        List<Violation> violations = new ArrayList<>();
        Set<String> subjectCodes = new HashSet<>();
        if (subjects.isEmpty()) {
            violations.add(new Violation("catalogue.subjects", "CATALOGUE_SUBJECTS_REQUIRED", "目录中至少要有一个考试科目"));
        }
        for (int i = 0; i < subjects.size(); i++) {
            Subject subject = subjects.get(i);
            String field = "catalogue.subjects[" + i + "]";
            if (subject == null) {
                violations.add(new Violation(field, "SUBJECT_REQUIRED", "考试科目不能为空"));
                continue;
            }
            if (Checks.code(violations, field + ".code", subject.code(), "SUBJECT", "科目")) {
                if (FeeItem.REGISTRATION.equals(subject.code())) {
                    violations.add(new Violation(field + ".code", "SUBJECT_CODE_RESERVED",
                            "科目代码不能使用" + FeeItem.REGISTRATION + "（报名费专用）"));
                } else if (!subjectCodes.add(subject.code())) {
                    violations.add(new Violation(field + ".code", "SUBJECT_CODE_DUPLICATE",
                            "科目代码重复：" + subject.code()));
                }
            }
            Checks.name(violations, field + ".name", subject.name(), "SUBJECT", "科目");
        }
        if (majors.isEmpty()) {
            violations.add(new Violation("catalogue.majors", "CATALOGUE_MAJORS_REQUIRED", "目录中至少要有一个专科专业"));
        }
        Set<String> majorCodes = new HashSet<>();
        for (int i = 0; i < majors.size(); i++) {
            JuniorMajor major = majors.get(i);
            String field = "catalogue.majors[" + i + "]";
            if (major == null) {
                violations.add(new Violation(field, "MAJOR_REQUIRED", "专科专业不能为空"));
                continue;
            }
            if (Checks.code(violations, field + ".code", major.code(), "MAJOR", "专科专业")
                    && !majorCodes.add(major.code())) {
                violations.add(new Violation(field + ".code", "MAJOR_CODE_DUPLICATE", "专科专业代码重复：" + major.code()));
            }
            Checks.name(violations, field + ".name", major.name(), "MAJOR", "专科专业");
            checkGroups(violations, field, major, subjectCodes);
        }
        return violations;
    }

    private static void checkGroups(List<Violation> violations, String majorField, JuniorMajor major,
            Set<String> subjectCodes) {
        if (major.groups().isEmpty()) {
            violations.add(new Violation(majorField + ".groups", "SUBJECT_GROUPS_REQUIRED",
                    "专科专业" + major.code() + "至少要有一个科目组"));
        }
        Set<String> groupCodes = new HashSet<>();
        for (int g = 0; g < major.groups().size(); g++) {
            SubjectGroup group = major.groups().get(g);
            String field = majorField + ".groups[" + g + "]";
            if (group == null) {
                violations.add(new Violation(field, "SUBJECT_GROUP_REQUIRED", "科目组不能为空"));
                continue;
            }
            if (Checks.code(violations, field + ".code", group.code(), "SUBJECT_GROUP", "科目组")
                    && !groupCodes.add(group.code())) {
                violations.add(new Violation(field + ".code", "SUBJECT_GROUP_CODE_DUPLICATE",
                        "专科专业" + major.code() + "的科目组代码重复：" + group.code()));
            }
            if (group.subjects().isEmpty()) {
                violations.add(new Violation(field + ".subjects", "SUBJECT_GROUP_SUBJECTS_REQUIRED",
                        "科目组至少要有一个考试科目"));
            }
            Set<String> seen = new HashSet<>();
            for (String subject : group.subjects()) {
                if (!subjectCodes.contains(subject)) {
                    violations.add(new Violation(field + ".subjects", "SUBJECT_UNKNOWN",
                            "科目组引用了目录中没有的科目：" + subject));
                } else if (!seen.add(subject)) {
                    violations.add(new Violation(field + ".subjects", "SUBJECT_REPEATED",
                            "科目组中科目重复：" + subject));
                }
            }
            if (group.scope().isEmpty()) {
                violations.add(new Violation(field + ".scope", "SCOPE_REQUIRED", "科目组的报考专业范围不能为空"));
            }
            Set<String> scopeNames = new HashSet<>();
            for (int s = 0; s < group.scope().size(); s++) {
                ScopeMajor scope = group.scope().get(s);
                String scopeField = field + ".scope[" + s + "]";
                if (scope == null) {
                    violations.add(new Violation(scopeField, "SCOPE_MAJOR_REQUIRED", "报考专业不能为空"));
                    continue;
                }
                if (scope.code() != null) {
                    Checks.code(violations, scopeField + ".code", scope.code(), "SCOPE_MAJOR", "本科专业");
                }
                if (Checks.name(violations, scopeField + ".name", scope.name(), "SCOPE_MAJOR", "本科专业")
                        && !scopeNames.add(scope.name())) {
                    violations.add(new Violation(scopeField + ".name", "SCOPE_MAJOR_DUPLICATE",
                            "报考专业范围中专业重复：" + scope.name()));
                }
            }
        }
    }

    /** The subjects by code, for showing names. */
    @JsonIgnore
    public Map<String, Subject> subjectsByCode() {
        return subjects.stream().collect(Collectors.toMap(Subject::code, Function.identity(), (a, b) -> a));
    }
}
