package org.baokao.enrollment.wizard;

import java.util.ArrayList;
import java.util.List;

import org.baokao.domain.DomainModel;
import org.baokao.domain.Refusal;
import org.baokao.enrollment.exam.Exam;
import org.baokao.enrollment.exam.FeeItem;
import org.baokao.enrollment.exam.MajorScopeCatalogue.SubjectGroup;

/**
 * What a confirmed candidate owes (ENR-5, PAY-1), from the exam's fee schedule: 报名 plus one line per subject
 * of the chosen group, in the group's order. A candidate who sits no exam (不需要考试: a no-exam 考生类别 or the
 * veteran exemption track) owes nothing — the 报名 fee pays for sitting the exam too — and skips payment.
 */
@DomainModel
public final class Fees {

    private Fees() {
    }

    public static List<FeeLine> owed(Exam exam, ExamChoice choice) {
        if (!choice.sitsExam()) {
            return List.of();
        }
        SubjectGroup group = ExamChoiceRules.group(exam, choice.majorCode(), choice.subjectGroupCode())
                // operators changed the catalogue since step 4: the candidate chooses again
                .orElseThrow(() -> Refusal.conflict("SUBJECT_GROUP_NOT_OFFERED",
                        "本次考试的专业目录已调整，所选科目组已不再开放，请重新选报专业范围"));
        List<FeeLine> lines = new ArrayList<>();
        lines.add(line(exam, FeeItem.REGISTRATION));
        group.subjects().forEach(subject -> lines.add(line(exam, subject)));
        return List.copyOf(lines);
    }

    // ExamRules guarantees a fee item for 报名 and for every subject the catalogue uses.
    private static FeeLine line(Exam exam, String code) {
        FeeItem fee = exam.fee(code).orElseThrow(
                () -> new IllegalStateException("exam " + exam.code() + " has no fee item " + code));
        return new FeeLine(fee.code(), fee.name(), fee.amountFen());
    }
}
