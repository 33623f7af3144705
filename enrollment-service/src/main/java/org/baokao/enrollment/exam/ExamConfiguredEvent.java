package org.baokao.enrollment.exam;

import java.time.Instant;
import java.util.List;

import org.baokao.events.enrollment.ExamConfigured;

/**
 * What other services learn of an exam each time it is configured ({@link ExamConfigured}): account-service keeps
 * the examining universities and majors a new self-study candidate registers with (ACC-3, open registration).
 * Only a course plan has them; exams of other catalogues (or none yet) carry an empty list, so that a consumer
 * replacing what it holds with the latest event also forgets universities an exam no longer offers. Each major says
 * whether it is a 特殊专业 whose new candidates are reviewed by hand (ENR-10); the event names the exam's bureau.
 */
final class ExamConfiguredEvent {

    private ExamConfiguredEvent() {
    }

    /** The event for {@code exam} as stored at {@code configuredAt}. */
    static ExamConfigured of(Exam exam, Instant configuredAt) {
        List<ExamConfigured.University> universities = exam.catalogue() instanceof CoursePlanCatalogue plan
                ? plan.universities().stream().map(university -> new ExamConfigured.University(university.code(),
                        university.name(), university.notice(), university.majors().stream()
                                .map(major -> new ExamConfigured.Major(major.code(), major.name(), major.special()))
                                .toList()))
                        .toList()
                : List.of();
        return new ExamConfigured(exam.code(), exam.kind().name(), exam.name(), universities, configuredAt,
                exam.bureau());
    }
}
