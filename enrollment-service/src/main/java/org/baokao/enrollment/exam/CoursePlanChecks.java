package org.baokao.enrollment.exam;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.baokao.domain.DomainModel;

/**
 * The rules of a course plan below its universities and majors (ENR-1, ENR-9), each broken rule one
 * {@link Violation} at its field path with a stable code and a Chinese message:
 * <ul>
 *   <li>a theory course has a code, a name, 1 to 20 credits, a fee above 0 in whole fen (at most 100000元), a date of
 *       2000–2099 and a half-day; one major never has two theory courses in one slot (its candidates sit one course
 *       per half-day);</li>
 *   <li>a practical course has a code, a name, its category and how it is paid; credits when given are 1 to 20; its
 *       set time is a date and a half-day, both or neither;</li>
 *   <li>a course code is used once within a major (theory and practical alike: a candidate's choice names a
 *       university and a course code);</li>
 *   <li>outer exam areas have unique codes and names;</li>
 *   <li>the questionnaire has a version, a title and questions with unique ids, each with its text and kind; a
 *       single- or multiple-choice question offers at least two distinct options, a text question none.</li>
 * </ul>
 */
@DomainModel
final class CoursePlanChecks {

    static final int MIN_CREDITS = 1;
    static final int MAX_CREDITS = 20;
    /** A sane range for exam dates: a year typed wrong (0226, 2206) is caught. */
    static final LocalDate FIRST_DATE = LocalDate.of(2000, 1, 1);
    static final LocalDate LAST_DATE = LocalDate.of(2099, 12, 31);
    static final int MAX_QUESTION_LENGTH = 500;
    static final int MAX_OPTION_LENGTH = 100;

    private CoursePlanChecks() {
    }

    /** The courses of {@code major} at {@code majorField} ({@code catalogue.universities[0].majors[1]}). */
    static void courses(List<Violation> violations, String majorField, CoursePlanCatalogue.Major major) {
        String majorName = major.name() != null && !major.name().isBlank() ? major.name().strip()
                : major.code() == null ? "" : major.code();
        Set<String> codes = new HashSet<>();
        Map<ExamSlot, TheoryCourse> bySlot = new HashMap<>();
        for (int c = 0; c < major.theoryCourses().size(); c++) {
            TheoryCourse course = major.theoryCourses().get(c);
            String field = majorField + ".theoryCourses[" + c + "]";
            if (course == null) {
                violations.add(new Violation(field, "THEORY_COURSE_REQUIRED", "理论课程不能为空"));
                continue;
            }
            codeAndName(violations, field, course.code(), course.name(), codes, majorName);
            credits(violations, field, course.credits(), true);
            fee(violations, field, course.feeFen());
            boolean dated = date(violations, field, course.date(), true);
            if (course.halfDay() == null) {
                violations.add(new Violation(field + ".halfDay", "COURSE_HALF_DAY_REQUIRED", "请选择考试时段（上午或下午）"));
            } else if (dated) {
                TheoryCourse taken = bySlot.putIfAbsent(course.slot(), course);
                if (taken != null) {
                    violations.add(new Violation(field + ".date", "THEORY_SLOT_DUPLICATE", "专业" + majorName + "的《"
                            + title(taken) + "》与《" + title(course) + "》都安排在" + course.slot().label()
                            + "，同一专业的同一考试时间只能安排一门理论课"));
                }
            }
        }
        for (int c = 0; c < major.practicalCourses().size(); c++) {
            PracticalCourse course = major.practicalCourses().get(c);
            String field = majorField + ".practicalCourses[" + c + "]";
            if (course == null) {
                violations.add(new Violation(field, "PRACTICAL_COURSE_REQUIRED", "实践课程不能为空"));
                continue;
            }
            codeAndName(violations, field, course.code(), course.name(), codes, majorName);
            credits(violations, field, course.credits(), false);
            if (course.category() == null) {
                violations.add(new Violation(field + ".category", "PRACTICAL_CATEGORY_REQUIRED",
                        "请选择实践课类别（公共实践类或非公共实践类）"));
            }
            if (course.payment() == null) {
                violations.add(new Violation(field + ".payment", "PRACTICAL_PAYMENT_REQUIRED",
                        "请选择实践课缴费方式（审核后缴费或缴费以院校通知为准）"));
            }
            date(violations, field, course.date(), false);
            if ((course.date() == null) != (course.halfDay() == null)) {
                violations.add(new Violation(field + (course.date() == null ? ".date" : ".halfDay"),
                        "PRACTICAL_SLOT_INCOMPLETE", "实践课的考试日期和时段应同时填写或同时不填"));
            }
        }
    }

    private static void codeAndName(List<Violation> violations, String field, String code, String name,
            Set<String> codes, String majorName) {
        if (Checks.code(violations, field + ".code", code, "COURSE", "课程") && !codes.add(code)) {
            violations.add(new Violation(field + ".code", "COURSE_CODE_DUPLICATE",
                    "专业" + majorName + "的课程代码重复：" + code));
        }
        Checks.name(violations, field + ".name", name, "COURSE", "课程");
    }

    private static void credits(List<Violation> violations, String field, Integer credits, boolean required) {
        if (credits == null) {
            if (required) {
                violations.add(new Violation(field + ".credits", "COURSE_CREDITS_REQUIRED", "请填写课程学分"));
            }
        } else if (credits < MIN_CREDITS || credits > MAX_CREDITS) {
            violations.add(new Violation(field + ".credits", "COURSE_CREDITS_INVALID",
                    "课程学分应为" + MIN_CREDITS + "至" + MAX_CREDITS + "的整数"));
        }
    }

    private static void fee(List<Violation> violations, String field, Long feeFen) {
        if (feeFen == null) {
            violations.add(new Violation(field + ".feeFen", "COURSE_FEE_REQUIRED", "请填写课程报考费（单位：分）"));
        } else if (feeFen <= 0) {
            violations.add(new Violation(field + ".feeFen", "COURSE_FEE_INVALID", "课程报考费应大于0（单位：分）"));
        } else if (feeFen > ExamRules.MAX_FEE_FEN) {
            violations.add(new Violation(field + ".feeFen", "COURSE_FEE_TOO_LARGE", "课程报考费不能超过100000元"));
        }
    }

    /** True when the date is there and sane. */
    private static boolean date(List<Violation> violations, String field, LocalDate date, boolean required) {
        if (date == null) {
            if (required) {
                violations.add(new Violation(field + ".date", "COURSE_DATE_REQUIRED", "请填写课程的考试日期"));
            }
            return false;
        }
        if (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE)) {
            violations.add(new Violation(field + ".date", "COURSE_DATE_OUT_OF_RANGE",
                    "考试日期应在" + FIRST_DATE.getYear() + "年至" + LAST_DATE.getYear() + "年之间"));
            return false;
        }
        return true;
    }

    private static String title(TheoryCourse course) {
        return course.name() == null ? String.valueOf(course.code()) : course.name().strip();
    }

    /** The outer exam areas (远郊考区): optional, each with a unique code and name. */
    static void outerAreas(List<Violation> violations, List<OuterArea> areas) {
        Set<String> codes = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < areas.size(); i++) {
            OuterArea area = areas.get(i);
            String field = "catalogue.outerAreas[" + i + "]";
            if (area == null) {
                violations.add(new Violation(field, "OUTER_AREA_REQUIRED", "远郊考区不能为空"));
                continue;
            }
            if (Checks.code(violations, field + ".code", area.code(), "OUTER_AREA", "远郊考区")
                    && !codes.add(area.code())) {
                violations.add(new Violation(field + ".code", "OUTER_AREA_CODE_DUPLICATE", "远郊考区代码重复：" + area.code()));
            }
            if (Checks.name(violations, field + ".name", area.name(), "OUTER_AREA", "远郊考区")
                    && !names.add(area.name().strip())) {
                violations.add(new Violation(field + ".name", "OUTER_AREA_NAME_DUPLICATE",
                        "远郊考区名称重复：" + area.name().strip()));
            }
        }
    }

    /** The sitting's questionnaire, when it has one. */
    static void questionnaire(List<Violation> violations, Questionnaire questionnaire) {
        String field = "catalogue.questionnaire";
        if (questionnaire.version() == null || questionnaire.version().isBlank()) {
            violations.add(new Violation(field + ".version", "QUESTIONNAIRE_VERSION_REQUIRED", "请填写问卷版本"));
        } else if (!Checks.isCode(questionnaire.version())) {
            violations.add(new Violation(field + ".version", "QUESTIONNAIRE_VERSION_INVALID",
                    "问卷版本应为1至32位字母、数字、下划线或连字符"));
        }
        if (questionnaire.title() == null || questionnaire.title().isBlank()) {
            violations.add(new Violation(field + ".title", "QUESTIONNAIRE_TITLE_REQUIRED", "请填写问卷标题"));
        } else if (questionnaire.title().codePointCount(0, questionnaire.title().length()) > Checks.MAX_NAME_LENGTH) {
            violations.add(new Violation(field + ".title", "QUESTIONNAIRE_TITLE_TOO_LONG",
                    "问卷标题不能超过" + Checks.MAX_NAME_LENGTH + "个字"));
        }
        if (questionnaire.questions().isEmpty()) {
            violations.add(new Violation(field + ".questions", "QUESTIONNAIRE_QUESTIONS_REQUIRED", "问卷至少要有一个问题"));
        }
        Set<String> ids = new HashSet<>();
        for (int q = 0; q < questionnaire.questions().size(); q++) {
            question(violations, field + ".questions[" + q + "]", questionnaire.questions().get(q), ids);
        }
    }

    private static void question(List<Violation> violations, String field, Questionnaire.Question question,
            Set<String> ids) {
        if (question == null) {
            violations.add(new Violation(field, "QUESTION_REQUIRED", "问题不能为空"));
            return;
        }
        if (!Checks.isCode(question.id())) {
            violations.add(new Violation(field + ".id", "QUESTION_ID_INVALID", "问题编号应为1至32位字母、数字、下划线或连字符"));
        } else if (!ids.add(question.id())) {
            violations.add(new Violation(field + ".id", "QUESTION_ID_DUPLICATE", "问题编号重复：" + question.id()));
        }
        if (question.text() == null || question.text().isBlank()) {
            violations.add(new Violation(field + ".text", "QUESTION_TEXT_REQUIRED", "请填写问题内容"));
        } else if (question.text().codePointCount(0, question.text().length()) > MAX_QUESTION_LENGTH) {
            violations.add(new Violation(field + ".text", "QUESTION_TEXT_TOO_LONG",
                    "问题内容不能超过" + MAX_QUESTION_LENGTH + "个字"));
        }
        if (question.kind() == null) {
            violations.add(new Violation(field + ".kind", "QUESTION_KIND_REQUIRED", "请选择问题类型（单选、多选或填空）"));
            return;
        }
        if (question.kind() == Questionnaire.Kind.TEXT) {
            if (!question.options().isEmpty()) {
                violations.add(new Violation(field + ".options", "QUESTION_OPTIONS_NOT_ALLOWED", "填空题不能设置选项"));
            }
            return;
        }
        if (question.options().size() < 2) {
            violations.add(new Violation(field + ".options", "QUESTION_OPTIONS_TOO_FEW", "单选题和多选题至少要有两个选项"));
        }
        Set<String> seen = new HashSet<>();
        for (int o = 0; o < question.options().size(); o++) {
            String option = question.options().get(o);
            String optionField = field + ".options[" + o + "]";
            if (option == null || option.isBlank()) {
                violations.add(new Violation(optionField, "QUESTION_OPTION_BLANK", "选项不能为空"));
            } else if (option.codePointCount(0, option.length()) > MAX_OPTION_LENGTH) {
                violations.add(new Violation(optionField, "QUESTION_OPTION_TOO_LONG",
                        "选项不能超过" + MAX_OPTION_LENGTH + "个字"));
            } else if (!seen.add(option.strip())) {
                violations.add(new Violation(optionField, "QUESTION_OPTION_DUPLICATE", "选项重复：" + option.strip()));
            }
        }
    }
}
