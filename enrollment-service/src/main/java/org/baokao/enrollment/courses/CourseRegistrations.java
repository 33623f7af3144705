package org.baokao.enrollment.courses;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.baokao.enrollment.exam.Exam;
import org.baokao.enrollment.selfstudy.CourseReadiness;
import org.baokao.enrollment.selfstudy.CourseReadiness.Readiness;
import org.baokao.enrollment.selfstudy.SelfStudyUniversities;
import org.baokao.enrollment.selfstudy.UniversityRegistration;
import org.baokao.events.enrollment.CourseOrderPlaced;
import org.baokao.messaging.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Course registration's use cases (ENR-9, SST-5, SST-6) for a Shanghai 自考 candidate at the bureau's current sitting:
 * the course page, each tick of the selection, 结算, the pledge that places an order, withdrawing one. Each write is
 * one short transaction: the candidate's registration row locked, the rules of {@link CourseRegistration} applied,
 * the row (and the order moved) written, its event put in the outbox.
 */
@Service
public class CourseRegistrations {

    /**
     * The 考试地点 code payment-service routes a course order's money by (PAY-2): 3101, Shanghai, whose bureau's rule
     * sends it to the public payment platform. One city today; when a bureau sits 自考 in several places this becomes
     * a bureau setting.
     */
    static final String SHANGHAI_EXAM_LOCATION = "3101";

    private static final Logger log = LoggerFactory.getLogger(CourseRegistrations.class);

    private final CourseStore store;
    private final CourseSittings sittings;
    private final SelfStudyUniversities universities;
    private final CourseReadiness readiness;
    private final Outbox outbox;
    private final Clock clock;

    CourseRegistrations(CourseStore store, CourseSittings sittings, SelfStudyUniversities universities,
            CourseReadiness readiness, Outbox outbox, Clock clock) {
        this.store = store;
        this.sittings = sittings;
        this.universities = universities;
        this.readiness = readiness;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Everything the course page shows, read at {@code at}. */
    public record Page(CourseSitting sitting, Readiness readiness, List<HeldMajor> held,
            CourseRegistration registration, Instant at) {

        public boolean registrationOpen() {
            return sitting.isOpenAt(at);
        }
    }

    /** One order with the sitting it belongs to (its pledge, when it waits for one). */
    public record OrderPage(CourseOrder order, CourseSitting sitting) {
    }

    /** 结算's answer: the order waiting for the pledge, and whether this call made it. */
    public record CheckedOut(OrderPage page, boolean created) {
    }

    /** The course page of {@code candidateId} at {@code bureau}'s current sitting. */
    @Transactional(readOnly = true)
    public Page page(UUID candidateId, String bureau) {
        CourseSitting sitting = sittings.current(bureau);
        CourseRegistration registration = store.find(sitting.examCode(), candidateId)
                .orElseGet(() -> CourseRegistration.empty(candidateId, bureau, sitting.examCode()));
        return new Page(sitting, readiness.of(candidateId, bureau), held(candidateId, bureau, sitting), registration,
                clock.instant());
    }

    /** A tick: the selection and 远郊考区意向 saved as {@link CourseRegistration#choose} allows; answers the page. */
    @Transactional
    public Page choose(UUID candidateId, String bureau, CourseChoice choice) {
        CourseSitting sitting = sittings.current(bureau);
        Instant now = clock.instant();
        sitting.requireOpen(now);
        Readiness ready = readiness.of(candidateId, bureau);
        List<HeldMajor> held = held(candidateId, bureau, sitting);
        CourseRegistration registration = store.lockOrCreate(sitting.examCode(), candidateId, bureau, now);
        if (registration.choose(choice, sitting, held, ready, now)) {
            store.save(registration, now);
        }
        return new Page(sitting, ready, held, registration, now);
    }

    /** 结算 (see {@link CourseRegistration#checkout}). */
    @Transactional
    public CheckedOut checkout(UUID candidateId, String bureau) {
        CourseSitting sitting = sittings.current(bureau);
        Instant now = clock.instant();
        sitting.requireOpen(now);
        Readiness ready = readiness.of(candidateId, bureau);
        List<HeldMajor> held = held(candidateId, bureau, sitting);
        CourseRegistration registration = store.lockOrCreate(sitting.examCode(), candidateId, bureau, now);
        CourseRegistration.Checkout checkout = registration.checkout(UUID.randomUUID(), sitting, held, ready, now);
        if (checkout.created()) {
            store.insert(checkout.order(), now);
            store.save(registration, now);
            log.info("Course order {} of candidate {}: {} course(s), {} fen, waiting for the pledge",
                    checkout.order().id(), candidateId, checkout.order().items().size(), checkout.order().totalFen());
        }
        return new CheckedOut(new OrderPage(checkout.order(), sitting), checkout.created());
    }

    /**
     * 我同意 → 下一步: the order is placed and {@code CourseOrderPlaced} published in the same transaction, so
     * payment-service opens its fee order if and only if this commits. The candidate must (still) be allowed to pay.
     */
    @Transactional
    public OrderPage pledge(UUID candidateId, String bureau, UUID orderId, Boolean accept, Integer version) {
        CourseSitting sitting = sittings.current(bureau);
        Instant now = clock.instant();
        CourseOrder order = store.lockOrder(orderId).filter(o -> isOwn(o, candidateId, bureau, sitting))
                .orElseThrow(CourseRegistration::orderNotFound);
        sitting.requireOpen(now);
        CourseRegistration.requireMayPay(readiness.of(candidateId, bureau));
        Optional<CourseOrderPlaced> placed = order.place(accept, version, sitting.requirePledge(), terms(sitting), now);
        if (placed.isPresent()) {
            store.update(order, now);
            outbox.publish(placed.get());
            log.info("Course order {} placed: {} fen due, lapses at {}", orderId, order.totalFen(), order.lapsesAt());
        }
        return new OrderPage(order, sitting);
    }

    /** Takes back an order waiting for the pledge (see {@link CourseRegistration#withdraw}). */
    @Transactional
    public OrderPage withdraw(UUID candidateId, String bureau, UUID orderId) {
        CourseSitting sitting = sittings.current(bureau);
        Instant now = clock.instant();
        CourseRegistration registration = store.lock(sitting.examCode(), candidateId)
                .filter(r -> r.bureau().equals(bureau)).orElseThrow(CourseRegistration::orderNotFound);
        CourseOrderStatus before = registration.order(orderId).map(CourseOrder::status).orElse(null);
        CourseOrder order = registration.withdraw(orderId, sitting, now);
        if (order.status() != before) {
            store.update(order, now);
            store.save(registration, now);
            log.info("Course order {} withdrawn by candidate {}", orderId, candidateId);
        }
        return new OrderPage(order, sitting);
    }

    /** One of the candidate's orders; 404 {@code COURSE_ORDER_NOT_FOUND} for anyone else's, or another bureau's. */
    @Transactional(readOnly = true)
    public OrderPage order(UUID candidateId, String bureau, UUID orderId) {
        CourseSitting sitting = sittings.current(bureau);
        CourseOrder order = store.findOrder(orderId).filter(o -> isOwn(o, candidateId, bureau, sitting))
                .orElseThrow(CourseRegistration::orderNotFound);
        return new OrderPage(order, sitting);
    }

    private static boolean isOwn(CourseOrder order, UUID candidateId, String bureau, CourseSitting sitting) {
        return order.belongsTo(candidateId, bureau) && order.examCode().equals(sitting.examCode());
    }

    /** The universities the candidate holds, named as the sitting's plan names them. */
    List<HeldMajor> held(UUID candidateId, String bureau, CourseSitting sitting) {
        return universities.held(candidateId, bureau).stream().map(held -> heldMajor(held, sitting.plan())).toList();
    }

    static HeldMajor heldMajor(UniversityRegistration held, CoursePlan plan) {
        Optional<CoursePlan.PlanUniversity> university = plan.university(held.universityCode());
        String majorName = plan.major(held.universityCode(), held.majorCode()).map(CoursePlan.PlanMajor::name)
                .orElse(held.majorName());
        return new HeldMajor(held.universityCode(),
                university.map(CoursePlan.PlanUniversity::name).orElse(held.universityName()), held.majorCode(),
                majorName);
    }

    /** The sitting's payment window and close, as the placed order's event carries them to payment-service. */
    static CourseOrder.PaymentTerms terms(CourseSitting sitting) {
        Exam exam = sitting.exam();
        return new CourseOrder.PaymentTerms(exam.name(), SHANGHAI_EXAM_LOCATION, exam.payment().opensAt(),
                exam.payment().closesAt(), exam.paymentHours().opens(), exam.paymentHours().closes(),
                sitting.lapsesAt());
    }

    static Refusal profileNotReady() {
        return Refusal.conflict("PROFILE_NOT_READY", "报名信息正在同步，请稍后再试");
    }
}
