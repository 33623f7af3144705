package org.baokao.enrollment.courses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.baokao.enrollment.exam.ExamSlot;
import org.baokao.enrollment.exam.HalfDay;
import org.baokao.enrollment.exam.Pledge;
import org.baokao.events.enrollment.CourseOrderPlaced;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SST-6: a course order's state machine (AWAITING_PLEDGE → PLACED → PAID | LAPSED; → WITHDRAWN). */
class CourseOrderTest {

    static final Instant NOW = Instant.parse("2026-09-05T02:00:00Z");
    static final Instant CLOSE = Instant.parse("2026-09-10T16:00:00Z");
    static final Pledge PLEDGE = new Pledge(2, "本人承诺……");
    static final CourseOrder.PaymentTerms TERMS = new CourseOrder.PaymentTerms("2026年10月上海市高等教育自学考试", "3101",
            Instant.parse("2026-08-31T16:00:00Z"), CLOSE, "00:00", "24:00", CLOSE);

    final UUID candidate = UUID.randomUUID();
    final CourseOrder order = CourseOrder.create(UUID.randomUUID(), candidate, "sh", "SH-ZK-2026-10", List.of(
            new OrderItem("10246", "复旦大学", "B050301", "新闻学", "00642", "传播学概论", 4, 4500,
                    new ExamSlot(CoursePlans.OCT_24, HalfDay.AM)),
            new OrderItem("10269", "华东师范大学", "B040106", "学前教育", "00412", "学前心理学", 4, 5000,
                    new ExamSlot(CoursePlans.OCT_24, HalfDay.PM))), NOW, CLOSE);
    final UUID payment = UUID.randomUUID();

    @Test
    @DisplayName("SST-6: the pledge places the order: CourseOrderPlaced with one item per course, the payment window"
            + " and the close; the same acceptance again changes nothing")
    void pledgePlaces() {
        CourseOrderPlaced placed = order.place(true, 2, PLEDGE, TERMS, NOW.plusSeconds(60)).orElseThrow();

        assertThat(order.status()).isEqualTo(CourseOrderStatus.PLACED);
        assertThat(order.pledgeVersion()).isEqualTo(2);
        assertThat(placed).isEqualTo(new CourseOrderPlaced(order.id(), candidate, "sh", "SH-ZK-2026-10",
                "2026年10月上海市高等教育自学考试", "3101", List.of(
                        new CourseOrderPlaced.Item("10246-00642", "复旦大学 传播学概论", 4500),
                        new CourseOrderPlaced.Item("10269-00412", "华东师范大学 学前心理学", 5000)),
                NOW.plusSeconds(60), Instant.parse("2026-08-31T16:00:00Z"), CLOSE, "00:00", "24:00", CLOSE));
        assertThat(placed.totalFen()).isEqualTo(order.totalFen()).isEqualTo(9500);
        assertThat(order.place(true, 2, PLEDGE, TERMS, NOW)).isEmpty();
    }

    @Test
    @DisplayName("SST-6: without 我同意 400 PLEDGE_REQUIRED; a pledge changed since it was read 409 PLEDGE_VERSION_OUTDATED")
    void pledgeRefusals() {
        assertThat(refusal(() -> order.place(false, 2, PLEDGE, TERMS, NOW)).code()).isEqualTo("PLEDGE_REQUIRED");
        assertThat(refusal(() -> order.place(true, null, PLEDGE, TERMS, NOW)).code()).isEqualTo("PLEDGE_REQUIRED");
        Refusal outdated = refusal(() -> order.place(true, 1, PLEDGE, TERMS, NOW));
        assertThat(outdated.code()).isEqualTo("PLEDGE_VERSION_OUTDATED");
        assertThat(outdated.kind()).isEqualTo(Refusal.Kind.CONFLICT);
        assertThat(order.status()).isEqualTo(CourseOrderStatus.AWAITING_PLEDGE);
    }

    @Test
    @DisplayName("SST-6: only an order waiting for the pledge is withdrawn; withdrawn it cannot be placed")
    void withdrawing() {
        assertThat(order.withdraw(NOW)).isTrue();
        assertThat(order.withdraw(NOW)).as("again").isFalse();
        assertThat(refusal(() -> order.place(true, 2, PLEDGE, TERMS, NOW)).code())
                .isEqualTo("COURSE_ORDER_NOT_AWAITING_PLEDGE");
        assertThat(order.paid(payment, 9500, NOW)).isEqualTo(CourseOrder.Payment.NOT_PLACED);

        CourseOrder placed = placed();
        assertThat(refusal(() -> placed.withdraw(NOW)).code()).isEqualTo("COURSE_ORDER_NOT_WITHDRAWABLE");
    }

    @Test
    @DisplayName("PAY-5: the payment of the total pays a placed order, once; another amount leaves it unpaid")
    void payment() {
        CourseOrder placed = placed();
        assertThat(placed.paid(payment, 9000, NOW)).isEqualTo(CourseOrder.Payment.AMOUNT_MISMATCH);
        assertThat(placed.status()).isEqualTo(CourseOrderStatus.PLACED);

        assertThat(placed.paid(payment, 9500, NOW.plusSeconds(5))).isEqualTo(CourseOrder.Payment.PAID);
        assertThat(placed.status()).isEqualTo(CourseOrderStatus.PAID);
        assertThat(placed.paidAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(placed.paymentOrderId()).isEqualTo(payment);
        assertThat(placed.paid(UUID.randomUUID(), 9500, NOW)).isEqualTo(CourseOrder.Payment.ALREADY_PAID);
        assertThat(placed.paymentOrderId()).isEqualTo(payment);
    }

    @Test
    @DisplayName("SST-6: a payment made before the close turns a lapsed order PAID (the event was late); one at or after"
            + " the close leaves it lapsed")
    void latePayment() {
        CourseOrder late = placed();
        late.lapse(CLOSE.plusSeconds(60));
        assertThat(late.paid(payment, 9500, CLOSE)).isEqualTo(CourseOrder.Payment.AFTER_LAPSE);
        assertThat(late.status()).isEqualTo(CourseOrderStatus.LAPSED);

        assertThat(late.paid(payment, 9500, CLOSE.minusSeconds(1))).isEqualTo(CourseOrder.Payment.PAID);
        assertThat(late.status()).isEqualTo(CourseOrderStatus.PAID);
        assertThat(late.lapsedAt()).isNull();

        CourseOrder neverPlaced = CourseOrder.create(UUID.randomUUID(), candidate, "sh", "X", order.items(), NOW,
                CLOSE);
        neverPlaced.lapse(CLOSE);
        assertThat(neverPlaced.paid(payment, 9500, NOW)).isEqualTo(CourseOrder.Payment.NOT_PLACED);
    }

    @Test
    @DisplayName("PAY-5: a refund of the paying payment makes the order unpaid again (lapsed after the close); another"
            + " payment's refund changes nothing")
    void refunds() {
        CourseOrder paid = placed();
        paid.paid(payment, 9500, NOW);
        assertThat(paid.refunded(UUID.randomUUID(), NOW)).isFalse();
        assertThat(paid.refunded(payment, NOW.plusSeconds(1))).isTrue();
        assertThat(paid.status()).isEqualTo(CourseOrderStatus.PLACED);

        paid.paid(payment, 9500, NOW);
        assertThat(paid.refunded(payment, CLOSE)).isTrue();
        assertThat(paid.status()).isEqualTo(CourseOrderStatus.LAPSED);
    }

    @Test
    @DisplayName("SST-6: the table: nothing leaves WITHDRAWN; a paid order does not lapse")
    void transitions() {
        assertThat(CourseOrderStatus.WITHDRAWN.allows(CourseOrderStatus.PLACED)).isFalse();
        assertThat(CourseOrderStatus.PAID.allows(CourseOrderStatus.WITHDRAWN)).isFalse();
        assertThat(CourseOrderStatus.PLACED.allows(CourseOrderStatus.WITHDRAWN)).isFalse();
        CourseOrder paid = placed();
        paid.paid(payment, 9500, NOW);
        assertThatThrownBy(() -> paid.lapse(CLOSE)).isInstanceOf(IllegalStateException.class);
    }

    private CourseOrder placed() {
        CourseOrder placed = CourseOrder.create(UUID.randomUUID(), candidate, "sh", "SH-ZK-2026-10", order.items(), NOW,
                CLOSE);
        placed.place(true, 2, PLEDGE, TERMS, NOW);
        return placed;
    }

    private static Refusal refusal(Runnable action) {
        try {
            action.run();
        } catch (Refusal refusal) {
            return refusal;
        }
        throw new AssertionError("not refused");
    }
}
