package org.baokao.enrollment.wizard;

import org.baokao.domain.DomainModel;

/**
 * Step 4 (ENR-4) as checked by {@link ExamChoiceRules}: the 考试地点, and the subject group chosen from those
 * the candidate's junior-college major is offered — none when the candidate sits no exam (不需要考试).
 *
 * @param majorCode             the junior-college major the group was offered to (group codes are per major)
 * @param concurrentApplication 是否兼报: answered by 3+2 candidates only (false = 否), null for everyone else
 * @param concurrentMajor       兼报对应的专业 (seed 000 §2.4), as the candidate names it: set exactly when 是
 */
@DomainModel
public record ExamChoice(String locationCode, boolean sitsExam, String majorCode, String subjectGroupCode,
        Boolean concurrentApplication, String concurrentMajor) {

    /** The fields confirmation locks (ENR-5), as the API names them. */
    public static final java.util.List<String> FIELDS = java.util.List.of("examLocation", "subjectGroup",
            "concurrentApplication", "concurrentMajor");

    /** A choice without 兼报 (every candidate but a 3+2 one who says 是). */
    public ExamChoice(String locationCode, boolean sitsExam, String majorCode, String subjectGroupCode,
            Boolean concurrentApplication) {
        this(locationCode, sitsExam, majorCode, subjectGroupCode, concurrentApplication, null);
    }
}
