package org.baokao.enrollment.courses;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.baokao.web.bureau.RequestBureau;
import org.baokao.web.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * 课程报考 of a Shanghai 自考 candidate (ENR-9, SST-5, SST-6; role {@code candidate}, the candidate is the token's subject,
 * the bureau the addressed one, the sitting its current one): the course page, each tick of the selection, 结算, the
 * 考生报考承诺书 that places an order, withdrawing one, one order. At a bureau without 自考 every call is 404
 * {@code NOT_SELF_STUDY}.
 */
@RestController
@PreAuthorize("hasRole('candidate')")
class CoursesController {

    static final String COURSES = "/api/enrollments/self-study/courses";
    static final String ORDERS = "/api/enrollments/self-study/course-orders";

    private final CourseRegistrations registrations;

    CoursesController(CourseRegistrations registrations) {
        this.registrations = registrations;
    }

    /** A course as the page sends it. */
    record CourseRequest(String universityCode, String courseCode) {
    }

    /** PUT selection: the 远郊考区意向 and the whole not-yet-settled selection. */
    record SelectionRequest(String remoteAreaCode, List<CourseRequest> theory, List<CourseRequest> practical) {
    }

    /** 我同意: {@code {"accept": true, "version": 2}}, the version of the 考生报考承诺书 read. */
    record PledgeRequest(Boolean accept, Integer version) {
    }

    @GetMapping(COURSES)
    CourseViews.CoursePage page(@AuthenticationPrincipal Jwt token, RequestBureau bureau) {
        return CourseViews.page(registrations.page(candidate(token), bureau.code()));
    }

    /** Each tick: 200 with the course page as it is now. */
    @PutMapping(COURSES + "/selection")
    CourseViews.CoursePage choose(@AuthenticationPrincipal Jwt token, RequestBureau bureau,
            @RequestBody(required = false) SelectionRequest request) {
        if (request == null) {
            throw malformed();
        }
        CourseChoice choice = new CourseChoice(request.remoteAreaCode(), refs(request.theory()),
                refs(request.practical()));
        return CourseViews.page(registrations.choose(candidate(token), bureau.code(), choice));
    }

    /** 结算: 201 with the new order and the 考生报考承诺书; 200 with the order still waiting for it (a double click). */
    @PostMapping(ORDERS)
    ResponseEntity<CourseViews.OrderDetail> checkout(@AuthenticationPrincipal Jwt token, RequestBureau bureau) {
        CourseRegistrations.CheckedOut checkout = registrations.checkout(candidate(token), bureau.code());
        CourseViews.OrderDetail order = CourseViews.OrderDetail.of(checkout.page());
        return checkout.created()
                ? ResponseEntity.created(URI.create(ORDERS + "/" + order.id())).body(order)
                : ResponseEntity.ok(order);
    }

    @GetMapping(ORDERS + "/{id}")
    CourseViews.OrderDetail order(@AuthenticationPrincipal Jwt token, RequestBureau bureau, @PathVariable String id) {
        return CourseViews.OrderDetail.of(registrations.order(candidate(token), bureau.code(), orderId(id)));
    }

    @PostMapping(ORDERS + "/{id}/pledge")
    CourseViews.OrderDetail pledge(@AuthenticationPrincipal Jwt token, RequestBureau bureau, @PathVariable String id,
            @RequestBody(required = false) PledgeRequest request) {
        PledgeRequest pledge = request == null ? new PledgeRequest(null, null) : request;
        return CourseViews.OrderDetail.of(registrations.pledge(candidate(token), bureau.code(), orderId(id),
                pledge.accept(), pledge.version()));
    }

    /** Withdraws an order waiting for the pledge: 200 with it WITHDRAWN, its courses selected again. */
    @DeleteMapping(ORDERS + "/{id}")
    CourseViews.OrderDetail withdraw(@AuthenticationPrincipal Jwt token, RequestBureau bureau,
            @PathVariable String id) {
        return CourseViews.OrderDetail.of(registrations.withdraw(candidate(token), bureau.code(), orderId(id)));
    }

    /** 409 {@code COURSES_NOT_READY} with what stops the candidate, each with the page that fixes it. */
    @ExceptionHandler(CoursesNotReady.class)
    ResponseEntity<ProblemDetail> notReady(CoursesNotReady refused) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, refused.code(), refused.getMessage());
        problem.setProperty("blockers", refused.blockers());
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static List<CourseRef> refs(List<CourseRequest> courses) {
        if (courses == null) {
            return List.of();
        }
        return courses.stream().map(course -> {
            if (course == null || isBlank(course.universityCode()) || isBlank(course.courseCode())) {
                throw malformed();
            }
            return new CourseRef(course.universityCode().strip(), course.courseCode().strip());
        }).toList();
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static UUID orderId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw CourseRegistration.orderNotFound();
        }
    }

    private static UUID candidate(Jwt token) {
        try {
            return UUID.fromString(token.getSubject());
        } catch (RuntimeException e) {
            throw CourseRegistrations.profileNotReady();
        }
    }

    private static Refusal malformed() {
        return Refusal.invalid("MALFORMED_REQUEST", "请求格式不正确");
    }
}
