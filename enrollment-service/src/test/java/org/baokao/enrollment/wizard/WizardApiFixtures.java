package org.baokao.enrollment.wizard;

import java.time.Instant;
import java.util.List;

import org.baokao.enrollment.exam.ExamDraft;
import org.baokao.enrollment.exam.ExamDrafts;

/** Variations of the test exam for the wizard's API tests. */
final class WizardApiFixtures {

    private WizardApiFixtures() {
    }

    /** Registration ended in 2021; payment stays open. */
    static ExamDraft closedRegistration(ExamDraft draft) {
        return ExamDrafts.with(draft, b -> b.set(x -> x.registration = new ExamDraft.WindowDraft(
                Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2021-01-01T00:00:00Z"))));
    }

    /** 考生类别 4 农村往届 sits no exam (不需要考试). */
    static ExamDraft noExamFor(ExamDraft draft, String category) {
        return ExamDrafts.with(draft, b -> b.set(x -> x.noExamCategories = List.of(category)));
    }
}
