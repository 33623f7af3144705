package org.baokao.enrollment.courses;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.baokao.domain.Refusal;
import org.baokao.enrollment.bureau.BureauConfigurations;
import org.baokao.enrollment.exam.CoursePlanCatalogue;
import org.baokao.enrollment.exam.Exam;
import org.baokao.enrollment.exam.ExamConfigurations;
import org.baokao.enrollment.exam.ExamKind;
import org.springframework.stereotype.Component;

/**
 * The bureau's current 自考 sitting with its course plan indexed, for every course request. The sitting is the
 * bureau's registration exam; the plan is indexed once per stored version of that exam (the exam store hands out
 * the same parsed exam until its row changes, on any instance), so a request neither parses the catalogue nor walks
 * it. Which exam is the bureau's registration exam is remembered for a few seconds: operators switch sittings
 * rarely, and reading the whole bureau configuration on every tick would cost more than the tick.
 */
@Component
class CourseSittings {

    /** How long a bureau's registration exam code is trusted before it is read again. */
    private static final long BUREAU_TTL_NANOS = 5_000_000_000L;

    private record ExamCode(String code, long readAtNanos) {
    }

    private final BureauConfigurations bureaus;
    private final ExamConfigurations exams;
    private final Map<String, ExamCode> examCodes = new ConcurrentHashMap<>();
    private final Map<String, CourseSitting> sittings = new ConcurrentHashMap<>();

    CourseSittings(BureauConfigurations bureaus, ExamConfigurations exams) {
        this.bureaus = bureaus;
        this.exams = exams;
    }

    /**
     * The current sitting of {@code bureau}: its registration exam; 404 {@code NOT_SELF_STUDY} when that is no 自考 exam
     * of the bureau (Shandong's 专升本), 404 {@code BUREAU_NOT_FOUND} for no bureau.
     */
    CourseSitting current(String bureau) {
        String code = registrationExamCode(bureau);
        Exam exam = exams.find(code).filter(e -> e.belongsTo(bureau) && e.kind() == ExamKind.SELF_STUDY)
                .orElseThrow(() -> Refusal.notFound("NOT_SELF_STUDY", "本考试院没有自学考试的课程报考"));
        return of(exam);
    }

    /** Every 自考 exam of every bureau, read afresh (the lapse at the registration close reads their windows). */
    List<Exam> allExams() {
        return exams.all().stream().filter(exam -> exam.kind() == ExamKind.SELF_STUDY).toList();
    }

    private CourseSitting of(Exam exam) {
        CourseSitting known = sittings.get(exam.code());
        // the same exam object: the store has not read a newer version of the row since the plan was indexed
        if (known != null && known.exam() == exam) {
            return known;
        }
        CourseSitting sitting = new CourseSitting(exam, CoursePlan.of(
                exam.catalogue() instanceof CoursePlanCatalogue plan ? plan : null));
        sittings.put(exam.code(), sitting);
        return sitting;
    }

    private String registrationExamCode(String bureau) {
        long now = System.nanoTime();
        ExamCode known = examCodes.get(bureau);
        if (known != null && now - known.readAtNanos() < BUREAU_TTL_NANOS) {
            return known.code();
        }
        String code = bureaus.require(bureau).registrationExamCode();
        examCodes.put(bureau, new ExamCode(code, now));
        return code;
    }
}
