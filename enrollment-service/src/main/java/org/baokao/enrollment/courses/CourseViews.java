package org.baokao.enrollment.courses;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.baokao.enrollment.exam.ExamSlot;
import org.baokao.enrollment.exam.OuterArea;
import org.baokao.enrollment.exam.PracticalCourse;
import org.baokao.enrollment.exam.Pledge;
import org.baokao.enrollment.exam.TheoryCourse;
import org.baokao.enrollment.selfstudy.CourseReadiness;
import org.baokao.enrollment.selfstudy.ReadinessView;

/** The JSON of the course pages (docs/SELF-STUDY.md "课程选择与报考" shows it whole). */
final class CourseViews {

    /** The sentence the course page shows once something lapsed at the registration close (SST-6). */
    static final String LAPSED_NOTICE = "未在报名截止前完成支付，课程报考视为无效";
    static final String PLEDGE_TITLE = "考生报考承诺书";

    private CourseViews() {
    }

    record CoursePage(String examCode, String examName, boolean registrationOpen, Instant registrationClosesAt,
            ReadinessView readiness, AreaView remoteArea, List<AreaView> remoteAreas,
            List<UniversityCourses> universities, List<OrderView> orders, boolean mayAppend, String lapsedNotice) {
    }

    record AreaView(String code, String name) {

        static AreaView of(OuterArea area) {
            return new AreaView(area.code(), area.name());
        }
    }

    record SlotView(LocalDate date, String halfDay, String label) {

        static SlotView of(ExamSlot slot) {
            return slot == null ? null : new SlotView(slot.date(), slot.halfDay().name(), slot.label());
        }
    }

    record UniversityCourses(String universityCode, String universityName, String majorCode, String majorName,
            List<TheoryCourseView> theoryCourses, List<PracticalCourseView> practicalCourses) {
    }

    record TheoryCourseView(String code, String name, Integer credits, Long feeFen, SlotView slot, String state,
            String stateName, UUID courseOrderId) {
    }

    record PracticalCourseView(String code, String name, Integer credits, String category, String categoryName,
            String payment, String paymentName, SlotView slot, String state, String stateName, String reviewReason) {
    }

    record ItemView(String universityCode, String universityName, String courseCode, String courseName,
            long feeFen, SlotView slot) {

        static ItemView of(OrderItem item) {
            return new ItemView(item.universityCode(), item.universityName(), item.courseCode(), item.courseName(),
                    item.feeFen(), SlotView.of(item.slot()));
        }
    }

    /** An order in the course page's list. */
    record OrderView(UUID id, String status, String statusName, long totalFen, List<ItemView> items,
            Instant createdAt, Instant placedAt, Instant paidAt, Instant lapsedAt, Instant lapsesAt) {

        static OrderView of(CourseOrder order) {
            return new OrderView(order.id(), order.status().name(), order.status().label(), order.totalFen(),
                    order.items().stream().map(ItemView::of).toList(), order.createdAt(), order.placedAt(),
                    order.paidAt(), order.lapsedAt(), order.lapsesAt());
        }
    }

    record PledgeView(String title, int version, String text) {
    }

    /** One order (结算's answer, 课程费用支付): with the 考生报考承诺书 while it waits for it. */
    record OrderDetail(UUID id, String status, String statusName, long totalFen, List<ItemView> items,
            Instant createdAt, Instant placedAt, Instant paidAt, Instant lapsedAt, Instant lapsesAt,
            String examCode, String examName, PledgeView pledge) {

        static OrderDetail of(CourseRegistrations.OrderPage page) {
            CourseOrder order = page.order();
            Pledge pledge = page.sitting().exam().pledge();
            return new OrderDetail(order.id(), order.status().name(), order.status().label(), order.totalFen(),
                    order.items().stream().map(ItemView::of).toList(), order.createdAt(), order.placedAt(),
                    order.paidAt(), order.lapsedAt(), order.lapsesAt(), page.sitting().examCode(),
                    page.sitting().exam().name(),
                    order.status() == CourseOrderStatus.AWAITING_PLEDGE && pledge != null
                            ? new PledgeView(PLEDGE_TITLE, pledge.version(), pledge.text()) : null);
        }
    }

    static CoursePage page(CourseRegistrations.Page page) {
        CourseSitting sitting = page.sitting();
        CourseRegistration registration = page.registration();
        List<UniversityCourses> universities = page.held().stream().map(held -> {
            var major = sitting.plan().major(held.universityCode(), held.majorCode());
            List<TheoryCourseView> theory = major.map(m -> m.theoryCourses().stream()
                    .map(course -> theory(held, course, registration)).toList()).orElse(List.of());
            List<PracticalCourseView> practical = major.map(m -> m.practicalCourses().stream()
                    .map(course -> practical(held, course, registration)).toList()).orElse(List.of());
            return new UniversityCourses(held.universityCode(), held.universityName(), held.majorCode(),
                    held.majorName(), theory, practical);
        }).toList();
        List<OrderView> orders = registration.orders().stream()
                .filter(order -> order.status() != CourseOrderStatus.WITHDRAWN).map(OrderView::of).toList();
        boolean open = page.registrationOpen();
        return new CoursePage(sitting.examCode(), sitting.exam().name(), open, sitting.lapsesAt(),
                ReadinessView.of(page.readiness()),
                registration.remoteAreaCode() == null ? null : sitting.plan().outerArea(registration.remoteAreaCode())
                        .map(AreaView::of).orElse(new AreaView(registration.remoteAreaCode(), null)),
                sitting.plan().outerAreas().stream().map(AreaView::of).toList(), universities, orders,
                open && page.readiness().mayChoose() && registration.mayAppend(),
                registration.hasLapsed() ? LAPSED_NOTICE : null);
    }

    private static TheoryCourseView theory(HeldMajor held, TheoryCourse course, CourseRegistration registration) {
        CourseRegistration.CourseState state = registration.theoryState(new CourseRef(held.universityCode(),
                course.code()));
        return new TheoryCourseView(course.code(), course.name(), course.credits(), course.feeFen(),
                SlotView.of(course.slot()), state.state().name(), state.state().label(), state.orderId());
    }

    private static PracticalCourseView practical(HeldMajor held, PracticalCourse course,
            CourseRegistration registration) {
        var registered = registration.practicalRegistration(new CourseRef(held.universityCode(), course.code()));
        return new PracticalCourseView(course.code(), course.name(), course.credits(),
                course.category() == null ? null : course.category().name(),
                course.category() == null ? null : course.category().label(),
                course.payment() == null ? null : course.payment().name(),
                course.payment() == null ? null : course.payment().label(), SlotView.of(course.slot()),
                registered.map(r -> r.state().name()).orElse("AVAILABLE"),
                registered.map(r -> r.state().label()).orElse(CourseRegistration.TheoryState.AVAILABLE.label()),
                registered.map(PracticalRegistration::review).map(PracticalRegistration.Review::reason).orElse(null));
    }
}
