package org.baokao.enrollment.courses;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.baokao.domain.operator.Operator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console's 实践课审核 desk (OPS-3, SST-5), at the operator's bureau's current 自考 sitting:
 * {@code GET .../practical-reviews?state=&university=&page=&size=} and
 * {@code POST .../practical-reviews/{candidateId}/{universityCode}/{courseCode}/decision}
 * {@code {"approve": true|false, "reason": "…"}} (a rejection needs the reason). Roles and scope in
 * {@link PracticalReviews}.
 */
@RestController
class PracticalReviewController {

    static final String REVIEWS = "/api/enrollments/operations/practical-reviews";

    private final PracticalReviews reviews;

    PracticalReviewController(PracticalReviews reviews) {
        this.reviews = reviews;
    }

    record ReviewView(UUID candidateId, String admissionNumber, String universityCode, String universityName,
            String courseCode, String courseName, String categoryName, String state, String stateName,
            Instant registeredAt, String reason, String reviewer, Instant decidedAt) {

        static ReviewView of(PracticalReviews.Item item) {
            PracticalRegistration registration = item.registration();
            PracticalRegistration.Review review = registration.review();
            return new ReviewView(item.candidateId(), item.admissionNumber(), item.universityCode(),
                    item.universityName(), item.courseCode(), item.courseName(), item.categoryName(),
                    registration.state().name(), registration.state().label(), registration.registeredAt(),
                    review == null ? null : review.reason(), review == null ? null : review.reviewer(),
                    review == null ? null : review.decidedAt());
        }
    }

    record QueueView(String examCode, String examName, List<ReviewView> items, long total, int page, int size) {
    }

    record DecisionRequest(Boolean approve, String reason) {
    }

    @GetMapping(REVIEWS)
    QueueView queue(Operator operator, @RequestParam(required = false) String state,
            @RequestParam(required = false) String university, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        int pageSize = Math.clamp(size, 1, 100);
        PracticalReviews.Page found = reviews.queue(operator, state, university, Math.max(page, 0), pageSize);
        return new QueueView(found.examCode(), found.examName(), found.items().stream().map(ReviewView::of).toList(),
                found.total(), found.page(), found.size());
    }

    @PostMapping(REVIEWS + "/{candidateId}/{universityCode}/{courseCode}/decision")
    ReviewView decide(Operator operator, @PathVariable UUID candidateId, @PathVariable String universityCode,
            @PathVariable String courseCode, @RequestBody DecisionRequest request) {
        if (request == null || request.approve() == null) {
            throw Refusal.invalid("DECISION_REQUIRED", "请选择审核通过或审核未通过");
        }
        return ReviewView.of(reviews.decide(operator, candidateId, universityCode, courseCode, request.approve(),
                request.reason()));
    }
}
