package org.baokao.enrollment.exam;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.baokao.events.enrollment.ExamConfigured;
import org.junit.jupiter.api.Test;

/**
 * ACC-3: what account-service learns of a configured exam — a course plan's universities and majors (with their
 * 特殊专业 flag, ENR-10), or none — and the exam's bureau (BUR-1).
 */
class ExamConfiguredEventTest {

    private static final Instant SAVED = Instant.parse("2026-08-01T02:00:00.123456Z");

    @Test
    void aCoursePlanBringsItsUniversitiesAndMajorsInOrder() {
        ExamConfigured event = ExamConfiguredEvent.of(exam(ExamDrafts.selfStudy("SH-ZK-T")), SAVED);

        assertThat(event.examCode()).isEqualTo("SH-ZK-T");
        assertThat(event.kind()).isEqualTo("SELF_STUDY");
        assertThat(event.name()).isEqualTo("2026年10月上海市高等教育自学考试");
        assertThat(event.configuredAt()).isEqualTo(SAVED);
        assertThat(event.bureau()).isEqualTo("sh");
        assertThat(event.universities()).containsExactly(
                new ExamConfigured.University("10246", "复旦大学", null, List.of(
                        new ExamConfigured.Major("B020101", "经济学"), new ExamConfigured.Major("B030101", "法学"))),
                new ExamConfigured.University("10268", "上海中医药大学", "中药学、护理学专业报考前须经资格审核，请备齐相关证明材料。",
                        List.of(new ExamConfigured.Major("C100801", "中药学", true),
                                new ExamConfigured.Major("B100701", "药学", false))));
        assertThat(event.universities().get(1).majors().getFirst().special()).as("ENR-10: 中药学 is special").isTrue();
        assertThat(event.aggregateId()).as("one exam's events keep their order").isEqualTo("SH-ZK-T");
    }

    @Test
    void otherCataloguesAndNoneBringNoUniversities() {
        ExamConfigured upgrade = ExamConfiguredEvent.of(exam(ExamDrafts.valid("SD-ZSB-T")), SAVED);
        assertThat(upgrade.kind()).isEqualTo("UNIFIED_UPGRADE");
        assertThat(upgrade.universities()).isEmpty();
        assertThat(upgrade.bureau()).isEqualTo("sd");

        ExamConfigured notYet = ExamConfiguredEvent.of(exam(ExamDrafts.with(ExamDrafts.selfStudy("SH-ZK-T"), b -> {
            b.catalogue = null;
            return b;
        })), SAVED);
        assertThat(notYet.kind()).isEqualTo("SELF_STUDY");
        assertThat(notYet.universities()).isEmpty();
    }

    private static Exam exam(ExamDraft draft) {
        assertThat(ExamRules.check(draft)).isEmpty();
        return draft.toExam(UUID.randomUUID(), new Pledge(1, draft.pledgeText()));
    }
}
