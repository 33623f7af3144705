package org.baokao.enrollment.courses;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.baokao.domain.DomainModel;
import org.baokao.domain.Refusal;
import org.baokao.enrollment.exam.PracticalCourse;
import org.baokao.enrollment.exam.TheoryCourse;
import org.baokao.enrollment.selfstudy.CourseReadiness.Readiness;

/**
 * A Shanghai 自考 candidate's course registration for one sitting (ENR-9, SST-5, SST-6; seed 004 §3(2)): the 远郊考区意向,
 * the theory courses selected but not yet settled, the practical courses registered, and the course orders made by
 * 结算. Every change of a candidate's courses goes through here, one at a time (the store locks the candidate's row),
 * so the rules hold across all the universities the candidate holds:
 * <ul>
 *   <li>courses only from the plan of the major the candidate holds at that university;</li>
 *   <li>at most one course per half-day slot: theory courses selected, ordered or paid, and practical courses with a
 *       set time, whatever university they are of (lapsed and withdrawn ones hold nothing);</li>
 *   <li>追加课程: a new theory course only when every earlier order is paid (courses count only when paid);</li>
 *   <li>nothing changes outside the registration window; choosing needs the candidate's readiness, 结算 also the
 *       right to pay (a candidate under manual review chooses but pays once approved).</li>
 * </ul>
 */
@DomainModel
public final class CourseRegistration {

    /** A theory course's state on the course page. */
    public enum TheoryState {
        AVAILABLE("未选择"), SELECTED("已选择（未结算）"), ORDERED("未支付"), PAID("已支付"),
        LAPSED("已失效（未在报名截止前支付）");

        private final String label;

        TheoryState(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A course's state and the order it is in (null when in none). */
    public record CourseState(TheoryState state, UUID orderId) {
    }

    /** 结算's answer: the order waiting for the pledge, and whether this call made it (else it is the one waiting). */
    public record Checkout(CourseOrder order, boolean created) {
    }

    private final UUID candidateId;
    private final String bureau;
    private final String examCode;
    private String remoteAreaCode;
    private final List<CourseRef> selected;
    private final List<PracticalRegistration> practical;
    private final List<LapsedSelection> lapsed;
    private final List<CourseOrder> orders;

    private CourseRegistration(UUID candidateId, String bureau, String examCode, String remoteAreaCode,
            List<CourseRef> selected, List<PracticalRegistration> practical, List<LapsedSelection> lapsed,
            List<CourseOrder> orders) {
        this.candidateId = Objects.requireNonNull(candidateId, "candidateId");
        this.bureau = Objects.requireNonNull(bureau, "bureau");
        this.examCode = Objects.requireNonNull(examCode, "examCode");
        this.remoteAreaCode = remoteAreaCode;
        this.selected = new ArrayList<>(selected);
        this.practical = new ArrayList<>(practical);
        this.lapsed = new ArrayList<>(lapsed);
        this.orders = new ArrayList<>(orders);
    }

    /** A candidate who has chosen nothing at this sitting yet. */
    public static CourseRegistration empty(UUID candidateId, String bureau, String examCode) {
        return new CourseRegistration(candidateId, bureau, examCode, null, List.of(), List.of(), List.of(), List.of());
    }

    /** A registration as stored, with every order of the candidate at this sitting (oldest first). */
    public static CourseRegistration restore(UUID candidateId, String bureau, String examCode, String remoteAreaCode,
            List<CourseRef> selected, List<PracticalRegistration> practical, List<LapsedSelection> lapsed,
            List<CourseOrder> orders) {
        return new CourseRegistration(candidateId, bureau, examCode, remoteAreaCode, selected, practical, lapsed,
                orders);
    }

    /**
     * A tick on the course page: {@code choice} becomes the selection (theory courses already ordered stay as they are)
     * and the 远郊考区意向. Refusals: 409 {@code REGISTRATION_CLOSED}, 409 {@code COURSES_NOT_READY}, 400
     * {@code REMOTE_AREA_UNKNOWN}, 404 {@code COURSE_NOT_FOUND}, 409 {@code ORDER_UNPAID} (a new theory course while an
     * order is unpaid), 409 {@code SLOT_CONFLICT} / {@code PRACTICAL_SLOT_CONFLICT}. Returns whether anything changed
     * (a repeated save changes nothing).
     */
    public boolean choose(CourseChoice choice, CourseSitting sitting, List<HeldMajor> held, Readiness readiness,
            Instant now) {
        sitting.requireOpen(now);
        requireMayChoose(readiness);
        String area = remoteArea(choice.remoteAreaCode(), sitting.plan());
        Map<String, HeldMajor> majors = byUniversity(held);

        List<CourseRef> wantedTheory = new ArrayList<>(new LinkedHashSet<>(choice.theory()));
        wantedTheory.removeIf(this::isOrdered);
        Map<CourseRef, SlotBook.Occupant> theory = new java.util.LinkedHashMap<>();
        for (CourseRef ref : wantedTheory) {
            theory.put(ref, occupant(ref, theoryCourse(ref, sitting.plan(), majors), majors));
        }
        List<CourseRef> added = wantedTheory.stream().filter(ref -> !selected.contains(ref)).toList();
        if (!added.isEmpty() && hasUnpaidOrder()) {
            throw orderUnpaid();
        }
        List<CourseRef> wantedPractical = new ArrayList<>(new LinkedHashSet<>(choice.practical()));
        Map<CourseRef, PracticalCourse> practicalCourses = new java.util.LinkedHashMap<>();
        for (CourseRef ref : wantedPractical) {
            practicalCourses.put(ref, practicalCourse(ref, sitting.plan(), majors));
        }

        SlotBook slots = heldByOrders();
        // what the candidate held before goes in first: a clash names the course just ticked first
        wantedTheory.stream().filter(selected::contains).forEach(ref -> slots.take(theory.get(ref)));
        wantedPractical.stream().filter(this::isRegisteredPractical)
                .forEach(ref -> slots.take(occupant(ref, practicalCourses.get(ref), majors)));
        added.forEach(ref -> slots.take(theory.get(ref)));
        wantedPractical.stream().filter(ref -> !isRegisteredPractical(ref))
                .forEach(ref -> slots.take(occupant(ref, practicalCourses.get(ref), majors)));

        List<PracticalRegistration> registrations = wantedPractical.stream()
                .map(ref -> practical.stream().filter(r -> r.ref().equals(ref)).findFirst()
                        .orElseGet(() -> new PracticalRegistration(ref,
                                PracticalRegistration.State.of(practicalCourses.get(ref).payment()), now)))
                .toList();
        boolean changed = !Objects.equals(area, remoteAreaCode) || !wantedTheory.equals(selected)
                || !registrations.equals(practical);
        remoteAreaCode = area;
        selected.clear();
        selected.addAll(wantedTheory);
        practical.clear();
        practical.addAll(registrations);
        return changed;
    }

    /**
     * 结算: the selected theory courses become a new order (one item per course, as the plan has them now) waiting for
     * the 考生报考承诺书, and the selection is empty again. A second 结算 while that order waits, with nothing newly
     * selected (a double click), answers the same order. Refusals: 409 {@code REGISTRATION_CLOSED},
     * {@code COURSES_NOT_READY}, {@code ORDER_UNPAID}, {@code NOTHING_SELECTED}, the payment blocker's code (409
     * {@code APPROVAL_REQUIRED}), {@code PLEDGE_NOT_CONFIGURED}; 404 {@code COURSE_NOT_FOUND} for a selected course the
     * plan no longer has; the slot rule again (the plan's slots may have moved).
     */
    public Checkout checkout(UUID orderId, CourseSitting sitting, List<HeldMajor> held, Readiness readiness,
            Instant now) {
        sitting.requireOpen(now);
        requireMayChoose(readiness);
        if (selected.isEmpty()) {
            Optional<CourseOrder> waiting = orders.stream()
                    .filter(order -> order.status() == CourseOrderStatus.AWAITING_PLEDGE).findFirst();
            if (waiting.isPresent()) {
                return new Checkout(waiting.get(), false);
            }
        }
        if (hasUnpaidOrder()) {
            throw orderUnpaid();
        }
        if (selected.isEmpty()) {
            throw Refusal.conflict("NOTHING_SELECTED", "请先选择要报考的理论课程，再进行结算");
        }
        requireMayPay(readiness);
        sitting.requirePledge();
        Map<String, HeldMajor> majors = byUniversity(held);
        SlotBook slots = heldByOrders();
        List<OrderItem> items = new ArrayList<>();
        for (CourseRef ref : selected) {
            TheoryCourse course = theoryCourse(ref, sitting.plan(), majors);
            HeldMajor major = majors.get(ref.universityCode());
            slots.take(occupant(ref, course, majors));
            items.add(new OrderItem(ref.universityCode(), major.universityName(), major.majorCode(), major.majorName(),
                    course.code(), course.name(), course.credits(), course.feeFen() == null ? 0 : course.feeFen(),
                    course.slot()));
        }
        CourseOrder order = CourseOrder.create(orderId, candidateId, bureau, examCode, items, now,
                sitting.lapsesAt());
        orders.add(order);
        selected.clear();
        return new Checkout(order, true);
    }

    /**
     * The candidate takes back order {@code orderId} before accepting the pledge: its courses are selected again.
     * 404 {@code COURSE_ORDER_NOT_FOUND} for an order not theirs at this sitting; withdrawing twice changes nothing.
     */
    public CourseOrder withdraw(UUID orderId, CourseSitting sitting, Instant now) {
        sitting.requireOpen(now);
        CourseOrder order = order(orderId).orElseThrow(CourseRegistration::orderNotFound);
        if (order.withdraw(now)) {
            order.items().stream().map(OrderItem::ref).filter(ref -> !selected.contains(ref)).forEach(selected::add);
        }
        return order;
    }

    /**
     * The registration window closed (SST-6): theory courses still only selected are void (课程报考视为无效), shown as
     * 已失效. Unpaid orders lapse on their own ({@link CourseOrder#lapse}); practical registrations stay, the
     * universities settle them. True when something lapsed.
     */
    public boolean lapseSelection(Instant now) {
        if (selected.isEmpty()) {
            return false;
        }
        selected.forEach(ref -> lapsed.add(new LapsedSelection(ref, now)));
        selected.clear();
        return true;
    }

    /** A theory course's state: paid, in an unpaid order, selected, lapsed, or none of these. */
    public CourseState theoryState(CourseRef ref) {
        Optional<CourseOrder> paid = orderHolding(ref, CourseOrderStatus.PAID);
        if (paid.isPresent()) {
            return new CourseState(TheoryState.PAID, paid.get().id());
        }
        Optional<CourseOrder> unpaid = orders.stream()
                .filter(order -> order.status().isUnpaid() && order.contains(ref)).findFirst();
        if (unpaid.isPresent()) {
            return new CourseState(TheoryState.ORDERED, unpaid.get().id());
        }
        if (selected.contains(ref)) {
            return new CourseState(TheoryState.SELECTED, null);
        }
        Optional<CourseOrder> lapsedOrder = orderHolding(ref, CourseOrderStatus.LAPSED);
        if (lapsedOrder.isPresent()) {
            return new CourseState(TheoryState.LAPSED, lapsedOrder.get().id());
        }
        if (lapsed.stream().anyMatch(l -> l.ref().equals(ref))) {
            return new CourseState(TheoryState.LAPSED, null);
        }
        return new CourseState(TheoryState.AVAILABLE, null);
    }

    public Optional<PracticalRegistration> practicalRegistration(CourseRef ref) {
        return practical.stream().filter(r -> r.ref().equals(ref)).findFirst();
    }

    /**
     * The university's review of a practical course registered for review (OPS-3): 404
     * {@code PRACTICAL_REVIEW_NOT_FOUND} when the candidate holds no such registration (unticked meanwhile), else
     * {@link PracticalRegistration#decide}'s refusals. Reviews happen after the registration window too.
     */
    public PracticalRegistration decidePractical(CourseRef ref, boolean approve, String reason, String reviewer,
            Instant now) {
        int at = -1;
        for (int i = 0; i < practical.size(); i++) {
            if (practical.get(i).ref().equals(ref)) {
                at = i;
            }
        }
        if (at < 0) {
            throw Refusal.notFound("PRACTICAL_REVIEW_NOT_FOUND", "未找到该实践课程报考，考生可能已取消报考");
        }
        PracticalRegistration decided = practical.get(at).decide(approve, reason, reviewer, now);
        practical.set(at, decided);
        return decided;
    }

    /** 追加课程 is open: some courses are paid and no order is waiting to be (the page explains it). */
    public boolean mayAppend() {
        return !hasUnpaidOrder() && orders.stream().anyMatch(order -> order.status() == CourseOrderStatus.PAID);
    }

    /** Something of this registration lapsed at the close: the page says 课程报考视为无效. */
    public boolean hasLapsed() {
        return !lapsed.isEmpty() || orders.stream().anyMatch(order -> order.status() == CourseOrderStatus.LAPSED);
    }

    public boolean hasUnpaidOrder() {
        return orders.stream().anyMatch(order -> order.status().isUnpaid());
    }

    public Optional<CourseOrder> order(UUID orderId) {
        return orders.stream().filter(order -> order.id().equals(orderId)).findFirst();
    }

    private Optional<CourseOrder> orderHolding(CourseRef ref, CourseOrderStatus status) {
        return orders.stream().filter(order -> order.status() == status && order.contains(ref)).findFirst();
    }

    private boolean isOrdered(CourseRef ref) {
        return orders.stream().anyMatch(order -> order.status().holdsSlots() && order.contains(ref));
    }

    private boolean isRegisteredPractical(CourseRef ref) {
        return practical.stream().anyMatch(r -> r.ref().equals(ref));
    }

    /** The slots of the courses in orders, unpaid or paid. */
    private SlotBook heldByOrders() {
        SlotBook slots = new SlotBook();
        orders.stream().filter(order -> order.status().holdsSlots()).flatMap(order -> order.items().stream())
                .forEach(item -> slots.take(new SlotBook.Occupant(item.slot(), item.courseName(),
                        item.universityName(), false)));
        return slots;
    }

    private static void requireMayChoose(Readiness readiness) {
        if (!readiness.mayChoose()) {
            throw new CoursesNotReady(readiness.blockers());
        }
    }

    /**
     * Paying needs what choosing needs and, for a new candidate, the approval (a candidate under manual review chooses
     * but pays once approved): 409 {@code COURSES_NOT_READY}, or the payment blocker's code ({@code APPROVAL_REQUIRED}).
     */
    public static void requireMayPay(Readiness readiness) {
        requireMayChoose(readiness);
        if (readiness.paymentBlocker() != null) {
            throw Refusal.conflict(readiness.paymentBlocker().code(), readiness.paymentBlocker().message());
        }
    }

    private static String remoteArea(String code, CoursePlan plan) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return plan.outerArea(code.strip()).map(area -> area.code()).orElseThrow(
                () -> Refusal.invalid("REMOTE_AREA_UNKNOWN", "所选远郊考区不在本次考试的远郊考区中，请重新选择"));
    }

    private static Map<String, HeldMajor> byUniversity(List<HeldMajor> held) {
        return held.stream().collect(Collectors.toMap(HeldMajor::universityCode, Function.identity(), (a, b) -> a));
    }

    private static TheoryCourse theoryCourse(CourseRef ref, CoursePlan plan, Map<String, HeldMajor> majors) {
        return Optional.ofNullable(majors.get(ref.universityCode()))
                .flatMap(major -> plan.major(major.universityCode(), major.majorCode()))
                .map(major -> major.theoryByCode().get(ref.courseCode()))
                .orElseThrow(() -> courseNotFound(ref));
    }

    private static PracticalCourse practicalCourse(CourseRef ref, CoursePlan plan, Map<String, HeldMajor> majors) {
        return Optional.ofNullable(majors.get(ref.universityCode()))
                .flatMap(major -> plan.major(major.universityCode(), major.majorCode()))
                .map(major -> major.practicalByCode().get(ref.courseCode()))
                .orElseThrow(() -> courseNotFound(ref));
    }

    private static SlotBook.Occupant occupant(CourseRef ref, TheoryCourse course, Map<String, HeldMajor> majors) {
        return new SlotBook.Occupant(course.slot(), course.name(), majors.get(ref.universityCode()).universityName(),
                false);
    }

    private static SlotBook.Occupant occupant(CourseRef ref, PracticalCourse course, Map<String, HeldMajor> majors) {
        return new SlotBook.Occupant(course.slot(), course.name(), majors.get(ref.universityCode()).universityName(),
                true);
    }

    private static Refusal courseNotFound(CourseRef ref) {
        return Refusal.notFound("COURSE_NOT_FOUND",
                "所选课程（" + ref.itemCode() + "）不在您所报考专业的考试计划中，请重新选择");
    }

    static Refusal orderUnpaid() {
        return Refusal.conflict("ORDER_UNPAID", "追加课程须在已提交的课程全部支付成功以后");
    }

    static Refusal orderNotFound() {
        return Refusal.notFound("COURSE_ORDER_NOT_FOUND", "课程订单不存在");
    }

    public UUID candidateId() {
        return candidateId;
    }

    public String bureau() {
        return bureau;
    }

    public String examCode() {
        return examCode;
    }

    public String remoteAreaCode() {
        return remoteAreaCode;
    }

    /** The theory courses selected and not yet settled, in the order chosen. */
    public List<CourseRef> selected() {
        return List.copyOf(selected);
    }

    public List<PracticalRegistration> practical() {
        return List.copyOf(practical);
    }

    public List<LapsedSelection> lapsed() {
        return List.copyOf(lapsed);
    }

    /** Every order at this sitting, oldest first. */
    public List<CourseOrder> orders() {
        return List.copyOf(orders);
    }
}
