package org.baokao.enrollment.courses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.baokao.enrollment.courses.CoursePlans.ecnu;
import static org.baokao.enrollment.courses.CoursePlans.fudan;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.baokao.enrollment.courses.CourseRegistration.TheoryState;
import org.baokao.enrollment.selfstudy.CourseReadiness.Blocker;
import org.baokao.enrollment.selfstudy.CourseReadiness.Readiness;
import org.baokao.events.enrollment.CourseOrderLapsed;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** ENR-9, SST-5, SST-6: the rules of a candidate's course registration, without the framework. */
class CourseRegistrationTest {

    static final Instant NOW = Instant.parse("2026-09-05T02:00:00Z");
    static final Instant AFTER_CLOSE = Instant.parse("2026-09-10T16:00:30Z");
    static final Readiness READY = new Readiness(List.of(), null, "260102460001");
    static final Blocker QUESTIONNAIRE = new Blocker("QUESTIONNAIRE_REQUIRED", "请先填写问卷调查", "/questionnaire");
    static final Blocker APPROVAL = new Blocker("APPROVAL_REQUIRED", "您的报名信息正在人工审核，审核通过后才能缴费", "/review");

    final UUID candidate = UUID.randomUUID();
    final CourseSitting sitting = CoursePlans.sitting();
    final CourseRegistration registration = CourseRegistration.empty(candidate, "sh", sitting.examCode());

    boolean choose(List<CourseRef> theory, List<CourseRef> practical) {
        return registration.choose(new CourseChoice(null, theory, practical), sitting, CoursePlans.held(), READY, NOW);
    }

    boolean choose(CourseRef... theory) {
        return choose(List.of(theory), List.of());
    }

    CourseOrder checkout() {
        return registration.checkout(UUID.randomUUID(), sitting, CoursePlans.held(), READY, NOW).order();
    }

    CourseOrder placedOrder(CourseRef... theory) {
        choose(theory);
        CourseOrder order = checkout();
        order.place(true, 2, sitting.exam().pledge(), CourseRegistrations.terms(sitting), NOW);
        return order;
    }

    static Refusal refusal(Runnable action) {
        try {
            action.run();
        } catch (Refusal refusal) {
            return refusal;
        }
        throw new AssertionError("not refused");
    }

    @Nested
    @DisplayName("ENR-9 slot rule: one course per half-day across all universities held")
    class SlotRule {

        @Test
        @DisplayName("ENR-9: the same slot at two universities is refused, naming the course just ticked, the other one,"
                + " their universities and the slot; the selection stays as it was")
        void sameSlotAtTwoUniversitiesIsRefused() {
            choose(fudan("00642"));

            Refusal refused = refusal(() -> choose(fudan("00642"), ecnu("00412")));

            assertThat(refused.code()).isEqualTo("SLOT_CONFLICT");
            assertThat(refused.kind()).isEqualTo(Refusal.Kind.CONFLICT);
            assertThat(refused.getMessage()).isEqualTo("《学前心理学》（华东师范大学）与《传播学概论》（复旦大学）的考试时间都是"
                    + "2026年10月24日 上午，同一考试时间内只能选择一门课程");
            assertThat(registration.selected()).containsExactly(fudan("00642"));
        }

        @Test
        @DisplayName("ENR-9: courses in other slots are taken together, at both universities")
        void differentSlotsAreTakenTogether() {
            assertThat(choose(fudan("00642"), fudan("00653"), ecnu("00398"), ecnu("00385"))).isTrue();

            assertThat(registration.selected()).containsExactly(fudan("00642"), fudan("00653"), ecnu("00398"),
                    ecnu("00385"));
            assertThat(registration.theoryState(ecnu("00398")).state()).isEqualTo(TheoryState.SELECTED);
            assertThat(choose(fudan("00642"), fudan("00653"), ecnu("00398"), ecnu("00385")))
                    .as("the same selection again changes nothing").isFalse();
        }

        @Test
        @DisplayName("ENR-9: a course in an order (unpaid or paid) keeps its slot: the other university's course of that"
                + " slot is refused after payment too")
        void anOrderedCourseHoldsItsSlot() {
            CourseOrder order = placedOrder(fudan("00642"));
            order.paid(UUID.randomUUID(), CoursePlans.FEE, NOW);

            Refusal refused = refusal(() -> choose(ecnu("00412")));

            assertThat(refused.code()).isEqualTo("SLOT_CONFLICT");
            assertThat(refused.getMessage()).startsWith("《学前心理学》（华东师范大学）与《传播学概论》（复旦大学）");
        }

        @Test
        @DisplayName("ENR-9: a practical course with a set time must not clash with a theory slot (either way round)")
        void practicalTimeClashIsRefused() {
            choose(fudan("00653"));

            Refusal practicalAfter = refusal(() -> choose(List.of(fudan("00653")), List.of(ecnu("20001"))));
            assertThat(practicalAfter.code()).isEqualTo("PRACTICAL_SLOT_CONFLICT");
            assertThat(practicalAfter.getMessage()).isEqualTo("实践课《计算机应用基础（实践）》（华东师范大学）与《中外新闻作品研究》"
                    + "（复旦大学）的考试时间都是2026年10月24日 下午，同一考试时间内只能选择一门课程");
            assertThat(registration.practical()).isEmpty();

            choose(List.of(), List.of(fudan("10001")));
            Refusal theoryAfter = refusal(() -> choose(List.of(ecnu("00398")), List.of(fudan("10001"))));
            assertThat(theoryAfter.code()).isEqualTo("PRACTICAL_SLOT_CONFLICT");
            assertThat(theoryAfter.getMessage()).startsWith("《学前教育原理》（华东师范大学）与实践课《新闻采访写作实践》（复旦大学）"
                    + "的考试时间都是2026年10月25日 下午");
        }

        @Test
        @DisplayName("ENR-9: practical courses take no money: registered at once, or waiting for review; one without a"
                + " set time clashes with nothing")
        void practicalCoursesAreRegistered() {
            choose(List.of(fudan("00642")), List.of(fudan("10001"), fudan("10002")));

            assertThat(registration.practical()).extracting(PracticalRegistration::state).containsExactly(
                    PracticalRegistration.State.REGISTERED, PracticalRegistration.State.AWAITING_REVIEW);
            choose(List.of(fudan("00642")), List.of(fudan("10002")));
            assertThat(registration.practical()).extracting(PracticalRegistration::ref)
                    .as("unticked: no longer registered").containsExactly(fudan("10002"));
        }
    }

    @Test
    @DisplayName("ENR-9: only courses of the plan of the major held at that university: 404 COURSE_NOT_FOUND")
    void coursesOnlyFromTheMajorHeld() {
        assertThat(refusal(() -> choose(fudan("00230"))).code()).as("法学 is not the major held").isEqualTo(
                "COURSE_NOT_FOUND");
        assertThat(refusal(() -> registration.choose(new CourseChoice(null, List.of(ecnu("00412")), List.of()),
                sitting, List.of(CoursePlans.held().getFirst()), READY, NOW)).code())
                .as("a university not held").isEqualTo("COURSE_NOT_FOUND");
        assertThat(refusal(() -> choose(List.of(), List.of(fudan("00642")))).code())
                .as("a theory course sent as practical").isEqualTo("COURSE_NOT_FOUND");
        assertThat(registration.selected()).isEmpty();
    }

    @Test
    @DisplayName("ENR-9: the 远郊考区意向 is one of the plan's outer areas, or none")
    void remoteArea() {
        registration.choose(new CourseChoice("310116", List.of(), List.of()), sitting, CoursePlans.held(), READY, NOW);
        assertThat(registration.remoteAreaCode()).isEqualTo("310116");
        Refusal unknown = refusal(() -> registration.choose(new CourseChoice("310101", List.of(), List.of()), sitting,
                CoursePlans.held(), READY, NOW));
        assertThat(unknown.code()).isEqualTo("REMOTE_AREA_UNKNOWN");
        assertThat(unknown.kind()).isEqualTo(Refusal.Kind.INVALID);
        registration.choose(new CourseChoice(" ", List.of(), List.of()), sitting, CoursePlans.held(), READY, NOW);
        assertThat(registration.remoteAreaCode()).isNull();
    }

    @Nested
    @DisplayName("SST-5 追加课程: new theory courses only when every earlier order is paid")
    class Appending {

        @Test
        @DisplayName("SST-5: while an order is unpaid a new theory course is refused (ORDER_UNPAID); what is ordered is"
                + " kept whatever is sent, and the 远郊考区意向 still changes")
        void newCoursesWaitForPayment() {
            CourseOrder order = placedOrder(fudan("00642"));

            Refusal refused = refusal(() -> choose(fudan("00642"), fudan("00653")));
            assertThat(refused.code()).isEqualTo("ORDER_UNPAID");
            assertThat(refused.getMessage()).isEqualTo("追加课程须在已提交的课程全部支付成功以后");
            assertThat(refusal(() -> checkout()).code()).isEqualTo("ORDER_UNPAID");

            assertThat(registration.choose(new CourseChoice("310118", List.of(), List.of()), sitting,
                    CoursePlans.held(), READY, NOW)).isTrue();
            assertThat(registration.theoryState(fudan("00642"))).isEqualTo(
                    new CourseRegistration.CourseState(TheoryState.ORDERED, order.id()));
            assertThat(registration.mayAppend()).isFalse();
        }

        @Test
        @DisplayName("SST-5: once every order is paid, 追加课程 makes a new order of the added courses only")
        void appendingAfterPayment() {
            CourseOrder first = placedOrder(fudan("00642"), ecnu("00398"));
            assertThat(first.paid(UUID.randomUUID(), 2 * CoursePlans.FEE, NOW)).isEqualTo(CourseOrder.Payment.PAID);
            assertThat(registration.mayAppend()).isTrue();

            choose(fudan("00642"), fudan("00653"));
            CourseOrder added = checkout();

            assertThat(added.id()).isNotEqualTo(first.id());
            assertThat(added.items()).extracting(OrderItem::ref).containsExactly(fudan("00653"));
            assertThat(added.totalFen()).isEqualTo(CoursePlans.FEE);
            assertThat(registration.theoryState(fudan("00642")).state()).isEqualTo(TheoryState.PAID);
            assertThat(registration.theoryState(fudan("00653")).state()).isEqualTo(TheoryState.ORDERED);
            assertThat(registration.theoryState(ecnu("00398")).state()).isEqualTo(TheoryState.PAID);
        }
    }

    @Nested
    @DisplayName("SST-6 结算")
    class Checkout {

        @Test
        @DisplayName("SST-6: 结算 orders the selection as the plan has it, one item per course, and empties it")
        void checkoutOrdersTheSelection() {
            choose(ecnu("00385"), fudan("00642"));

            CourseRegistration.Checkout checkout = registration.checkout(UUID.randomUUID(), sitting,
                    CoursePlans.held(), READY, NOW);

            assertThat(checkout.created()).isTrue();
            CourseOrder order = checkout.order();
            assertThat(order.status()).isEqualTo(CourseOrderStatus.AWAITING_PLEDGE);
            assertThat(order.items()).containsExactly(
                    new OrderItem("10269", "华东师范大学", "B040106", "学前教育", "00385", "学前卫生学", 4, 4500,
                            new org.baokao.enrollment.exam.ExamSlot(CoursePlans.OCT_31,
                                    org.baokao.enrollment.exam.HalfDay.AM)),
                    new OrderItem("10246", "复旦大学", "B050301", "新闻学", "00642", "传播学概论", 4, 4500,
                            new org.baokao.enrollment.exam.ExamSlot(CoursePlans.OCT_24,
                                    org.baokao.enrollment.exam.HalfDay.AM)));
            assertThat(order.lapsesAt()).isEqualTo(sitting.lapsesAt());
            assertThat(registration.selected()).isEmpty();
            assertThat(registration.checkout(UUID.randomUUID(), sitting, CoursePlans.held(), READY, NOW))
                    .as("结算 again (a double click) answers the waiting order")
                    .isEqualTo(new CourseRegistration.Checkout(order, false));
        }

        @Test
        @DisplayName("SST-6: nothing selected, not ready, not approved yet: refused with their codes")
        void checkoutRefusals() {
            assertThat(refusal(() -> checkout()).code()).isEqualTo("NOTHING_SELECTED");
            choose(fudan("00642"));
            Refusal notApproved = refusal(() -> registration.checkout(UUID.randomUUID(), sitting, CoursePlans.held(),
                    new Readiness(List.of(), APPROVAL, null), NOW));
            assertThat(notApproved.code()).isEqualTo("APPROVAL_REQUIRED");
            assertThat(notApproved.getMessage()).isEqualTo(APPROVAL.message());
            CoursesNotReady notReady = (CoursesNotReady) refusal(() -> registration.checkout(UUID.randomUUID(),
                    sitting, CoursePlans.held(), new Readiness(List.of(QUESTIONNAIRE), null, null), NOW));
            assertThat(notReady.blockers()).containsExactly(QUESTIONNAIRE);
            assertThat(registration.orders()).isEmpty();
            assertThat(registration.selected()).containsExactly(fudan("00642"));
        }

        @Test
        @DisplayName("SST-6: a candidate under manual review chooses (mayChoose) but does not pay; one not ready does"
                + " not choose")
        void readiness() {
            assertThat(registration.choose(new CourseChoice(null, List.of(fudan("00642")), List.of()), sitting,
                    CoursePlans.held(), new Readiness(List.of(), APPROVAL, null), NOW)).isTrue();
            CoursesNotReady refused = (CoursesNotReady) refusal(() -> registration.choose(new CourseChoice(null,
                    List.of(), List.of()), sitting, CoursePlans.held(), new Readiness(List.of(QUESTIONNAIRE), null,
                    null), NOW));
            assertThat(refused.code()).isEqualTo("COURSES_NOT_READY");
            assertThat(refused.getMessage()).isEqualTo("选课前请先完成以下事项：请先填写问卷调查");
        }

        @Test
        @DisplayName("SST-6: withdrawing an order waiting for the pledge selects its courses again")
        void withdrawing() {
            choose(fudan("00642"));
            CourseOrder order = checkout();

            registration.withdraw(order.id(), sitting, NOW);

            assertThat(order.status()).isEqualTo(CourseOrderStatus.WITHDRAWN);
            assertThat(registration.selected()).containsExactly(fudan("00642"));
            assertThat(registration.theoryState(fudan("00642")).state()).isEqualTo(TheoryState.SELECTED);
            assertThat(refusal(() -> registration.withdraw(UUID.randomUUID(), sitting, NOW)).code())
                    .isEqualTo("COURSE_ORDER_NOT_FOUND");
        }
    }

    @Nested
    @DisplayName("SST-6: the registration window")
    class Window {

        @Test
        @DisplayName("SST-6: no change after the registration close (409 REGISTRATION_CLOSED)")
        void noChangeAfterClose() {
            choose(fudan("00642"));
            Refusal closed = refusal(() -> registration.choose(new CourseChoice(null, List.of(), List.of()), sitting,
                    CoursePlans.held(), READY, AFTER_CLOSE));
            assertThat(closed.code()).isEqualTo("REGISTRATION_CLOSED");
            assertThat(closed.getMessage()).isEqualTo("本次报名已结束，不能再选择、结算或修改课程");
            assertThat(refusal(() -> registration.checkout(UUID.randomUUID(), sitting, CoursePlans.held(), READY,
                    AFTER_CLOSE)).code()).isEqualTo("REGISTRATION_CLOSED");
            assertThat(registration.selected()).containsExactly(fudan("00642"));
        }

        @Test
        @DisplayName("SST-6: at the close a selection never settled lapses (已失效), practical registrations stay")
        void selectionLapsesAtClose() {
            choose(List.of(fudan("00642")), List.of(fudan("10002")));

            assertThat(registration.lapseSelection(AFTER_CLOSE)).isTrue();

            assertThat(registration.selected()).isEmpty();
            assertThat(registration.theoryState(fudan("00642")).state()).isEqualTo(TheoryState.LAPSED);
            assertThat(registration.hasLapsed()).isTrue();
            assertThat(registration.practical()).hasSize(1);
            assertThat(registration.lapseSelection(AFTER_CLOSE)).as("again: nothing left").isFalse();
        }

        @Test
        @DisplayName("SST-6: at the close an unpaid order lapses; a placed one says so to payment-service, one still"
                + " waiting for the pledge was never known there; its courses show 已失效 and hold no slot")
        void unpaidOrdersLapseAtClose() {
            CourseOrder placed = placedOrder(fudan("00642"));

            assertThat(placed.lapse(AFTER_CLOSE)).contains(new CourseOrderLapsed(placed.id(), candidate, "sh",
                    sitting.examCode(), AFTER_CLOSE));
            assertThat(registration.theoryState(fudan("00642"))).isEqualTo(
                    new CourseRegistration.CourseState(TheoryState.LAPSED, placed.id()));
            assertThat(placed.status().holdsSlots()).isFalse();

            CourseRegistration other = CourseRegistration.empty(UUID.randomUUID(), "sh", sitting.examCode());
            other.choose(new CourseChoice(null, List.of(fudan("00642")), List.of()), sitting, CoursePlans.held(),
                    READY, NOW);
            CourseOrder waiting = other.checkout(UUID.randomUUID(), sitting, CoursePlans.held(), READY, NOW).order();
            assertThat(waiting.lapse(AFTER_CLOSE)).isEmpty();
            assertThat(waiting.status()).isEqualTo(CourseOrderStatus.LAPSED);
            assertThatThrownBy(() -> waiting.lapse(AFTER_CLOSE)).isInstanceOf(IllegalStateException.class);
        }
    }
}
