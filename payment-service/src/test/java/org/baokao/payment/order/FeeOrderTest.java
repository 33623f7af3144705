package org.baokao.payment.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.baokao.payment.channel.Channel;
import org.baokao.payment.order.FeeOrder.MustRefund;
import org.baokao.payment.order.FeeOrder.Settled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The fee order's rules in plain Java: PAY-1 (items, fen, state machine), PAY-5 (what money the bank reports does). */
class FeeOrderTest {

    static final Instant NOW = Instant.parse("2026-03-10T02:00:00Z");
    static final PaymentWindow OPEN = new PaymentWindow(null, null, null, null);

    static FeeOrder order() {
        return FeeOrder.open(UUID.randomUUID(), "sd", UUID.randomUUID(), UUID.randomUUID(), "SD", "2026年专升本", "370200",
                Channel.UNIONPAY, List.of(new FeeItem("REGISTRATION", "报名", 3000), new FeeItem("ENGLISH", "英语", 5000)),
                OPEN, NOW);
    }

    @Test
    void theTotalIsTheSumOfTheItemsInFen() {
        FeeOrder order = order();
        assertThat(order.amountFen()).isEqualTo(8000);
        assertThat(order.status()).isEqualTo(OrderStatus.CREATED);
        assertThat(order.bankOrderNo()).hasSize(32).doesNotContain("-");
        assertThat(FeeOrder.idOfBankOrderNo(order.bankOrderNo())).isEqualTo(order.id());
        assertThat(FeeOrder.idOfBankOrderNo("not-an-order")).isNull();
    }

    @Test
    void nothingOwedIsNoOrder() {
        assertThatThrownBy(() -> FeeOrder.open(UUID.randomUUID(), "sd", UUID.randomUUID(), UUID.randomUUID(), "SD", null,
                "370200", Channel.CEB, List.of(new FeeItem("REGISTRATION", "报名", 0)), OPEN, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sentToTheBankItHasThirtyMinutes() {
        FeeOrder order = order();
        order.sentToBank("https://bank/pay", null, NOW, Duration.ofMinutes(30));
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.isDue(NOW.plusSeconds(1799))).isFalse();
        assertThat(order.isDue(NOW.plusSeconds(1800))).isTrue();
    }

    @Test
    void thePaymentOfAPendingOrderPaysIt() {
        FeeOrder order = order();
        order.sentToBank("u", null, NOW, Duration.ofMinutes(30));
        var settlement = order.bankPaid(8000, "UP1", NOW, false);
        assertThat(settlement).isInstanceOfSatisfying(Settled.class, s -> {
            assertThat(s.event().amountFen()).isEqualTo(8000);
            assertThat(s.event().examName()).isEqualTo("2026年专升本");
        });
        assertThat(order.status()).isEqualTo(OrderStatus.PAID);
    }

    /** PAY-5: money for an expired, closed or paid order, a wrong amount, or an enrollment paid otherwise goes back. */
    @Test
    void paymentsThatCannotCountAreRefunded() {
        FeeOrder expired = order();
        expired.sentToBank("u", null, NOW, Duration.ofMinutes(30));
        expired.expire(NOW.plusSeconds(1800));
        assertThat(expired.bankPaid(8000, "T", NOW, false)).isEqualTo(new MustRefund("ORDER_EXPIRED"));

        FeeOrder paid = order();
        paid.sentToBank("u", null, NOW, Duration.ofMinutes(30));
        paid.bankPaid(8000, "T1", NOW, false);
        assertThat(paid.bankPaid(8000, "T2", NOW, false)).isEqualTo(new MustRefund("ORDER_ALREADY_PAID"));

        FeeOrder wrongAmount = order();
        wrongAmount.sentToBank("u", null, NOW, Duration.ofMinutes(30));
        assertThat(wrongAmount.bankPaid(7999, "T", NOW, false)).isEqualTo(new MustRefund("AMOUNT_MISMATCH"));
        assertThat(wrongAmount.status()).isEqualTo(OrderStatus.PENDING);

        FeeOrder second = order();
        second.sentToBank("u", null, NOW, Duration.ofMinutes(30));
        assertThat(second.bankPaid(8000, "T", NOW, true)).isEqualTo(new MustRefund("ENROLLMENT_ALREADY_PAID"));
    }

    /** Issue 22: back from the bank without paying (取消支付), 刷新 finds nothing there: the order is payable again. */
    @Test
    void noPaymentAtTheBankMakesAPendingOrderPayableAgainWithItsThirtyMinutesRunningOn() {
        FeeOrder order = order();
        order.sentToBank("https://bank/pay/1", null, NOW, Duration.ofMinutes(30));

        assertThat(order.bankHasNoPayment()).isTrue();

        assertThat(order.status()).isEqualTo(OrderStatus.CREATED);
        assertThat(order.status().chineseName()).isEqualTo("待缴费");
        assertThat(order.isAtBank()).as("its bank order is still open there").isTrue();
        order.sentToBank("https://bank/pay/1", null, NOW.plusSeconds(600), Duration.ofMinutes(30));
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.expiresAt()).as("the same bank order: no new 30 minutes").isEqualTo(NOW.plusSeconds(1800));
    }

    @Test
    void aPaymentOfTheBankOrderThatArrivesWhenPayableAgainStillPaysItOnce() {
        FeeOrder order = order();
        order.sentToBank("u", null, NOW, Duration.ofMinutes(30));
        order.bankHasNoPayment();

        assertThat(order.bankPaid(8000, "UP1", NOW.plusSeconds(60), false)).isInstanceOf(Settled.class);
        assertThat(order.status()).isEqualTo(OrderStatus.PAID);
        assertThat(order.bankPaid(8000, "UP2", NOW.plusSeconds(61), false))
                .isEqualTo(new MustRefund("ORDER_ALREADY_PAID"));
    }

    @Test
    void onlyAPendingRedirectOrderBecomesPayableAgain() {
        FeeOrder created = order();
        assertThat(created.bankHasNoPayment()).isFalse();
        assertThat(created.status()).isEqualTo(OrderStatus.CREATED);

        FeeOrder paid = order();
        paid.sentToBank("u", null, NOW, Duration.ofMinutes(30));
        paid.bankPaid(8000, "T", NOW, false);
        assertThat(paid.bankHasNoPayment()).isFalse();
        assertThat(paid.status()).isEqualTo(OrderStatus.PAID);

        FeeOrder scanned = order();
        scanned.sentToBank(null, "https://platform/scan/1", NOW, Duration.ofMinutes(30));
        assertThat(scanned.bankHasNoPayment()).as("a QR code's phone may be paying right now").isFalse();
        assertThat(scanned.status()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void aPayableAgainOrderStillExpiresAtItsThirtyMinutes() {
        FeeOrder order = order();
        order.sentToBank("u", null, NOW, Duration.ofMinutes(30));
        order.bankHasNoPayment();
        assertThat(order.isDue(NOW.plusSeconds(1799))).isFalse();
        assertThat(order.isDue(NOW.plusSeconds(1800))).isTrue();
        order.expire(NOW.plusSeconds(1800));
        assertThat(order.status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(order().isDue(NOW.plusSeconds(86400))).as("never sent: nothing to close").isFalse();
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void onlyTheDrawnMovesAreAllowed(OrderStatus from) {
        for (OrderStatus to : OrderStatus.values()) {
            boolean expected = switch (from) {
                case CREATED -> to == OrderStatus.PENDING || to == OrderStatus.CLOSED || to == OrderStatus.EXPIRED;
                case PENDING -> to == OrderStatus.PAID || to == OrderStatus.EXPIRED || to == OrderStatus.CLOSED
                        || to == OrderStatus.CREATED;
                case PAID -> to == OrderStatus.REFUNDED;
                default -> false;
            };
            assertThat(from.canMoveTo(to)).as(from + " → " + to).isEqualTo(expected);
        }
        assertThatThrownBy(() -> OrderStatus.EXPIRED.moveTo(OrderStatus.PAID)).isInstanceOf(IllegalStateException.class);
    }

    // ---- Shanghai course orders (SST-6): the lapse at the registration close -----------------------------------

    static final Instant LAPSES_AT = Instant.parse("2026-09-01T16:00:00Z");

    static FeeOrder courseOrder() {
        return FeeOrder.forCourseOrder(UUID.randomUUID(), "sh", UUID.randomUUID(), UUID.randomUUID(), "SH-ZK-202610",
                "2026年10月高等教育自学考试", "310000", Channel.PUBLIC_PAYMENT_PLATFORM,
                List.of(new FeeItem("00642", "复旦大学 传播学概论", 9000), new FeeItem("00400", "华东师范大学 学前心理学", 9000)),
                OPEN, LAPSES_AT, NOW);
    }

    @Test
    void aCourseOrderIsKeyedByTheCourseOrderAndNamedForItsFee() {
        FeeOrder order = courseOrder();
        assertThat(order.kind()).isEqualTo(OrderKind.COURSE_ORDER);
        assertThat(order.kind().feeName()).isEqualTo("课程报考费");
        assertThat(order().kind().feeName()).isEqualTo("报名考试费");
        assertThat(order.amountFen()).isEqualTo(18000);
        assertThat(order.lapsesAt()).isEqualTo(LAPSES_AT);
        FeeOrder again = order.reopened(UUID.randomUUID(), NOW);
        assertThat(again.kind()).isEqualTo(OrderKind.COURSE_ORDER);
        assertThat(again.enrollmentId()).isEqualTo(order.enrollmentId());
        assertThat(again.lapsesAt()).isEqualTo(LAPSES_AT);
        assertThat(again.status()).isEqualTo(OrderStatus.CREATED);
    }

    /** Money paid (bank time) at or after the lapse never settles, whatever state the order is in. */
    @Test
    void aPaymentAtOrAfterTheLapseIsRefundedAsLapsed() {
        FeeOrder pending = courseOrder();
        pending.sentToBank("u", "q", LAPSES_AT.minusSeconds(60), Duration.ofMinutes(30));
        assertThat(pending.bankPaid(18000, "GP1", LAPSES_AT, false)).isEqualTo(new MustRefund("ORDER_LAPSED"));
        assertThat(pending.bankPaid(18000, "GP2", LAPSES_AT.plusSeconds(1), false))
                .isEqualTo(new MustRefund("ORDER_LAPSED"));
        assertThat(pending.status()).isEqualTo(OrderStatus.PENDING);

        assertThat(pending.bankPaid(18000, "GP3", LAPSES_AT.minusMillis(1), false))
                .as("paid in time, however late we hear of it").isInstanceOf(Settled.class);
        assertThat(pending.status()).isEqualTo(OrderStatus.PAID);
        assertThat(pending.bankPaid(18000, "GP4", LAPSES_AT, false)).isEqualTo(new MustRefund("ORDER_LAPSED"));
    }

    @Test
    void anOrderOfAnEnrollmentNeverLapses() {
        FeeOrder order = order();
        order.sentToBank("u", null, NOW, Duration.ofMinutes(30));
        assertThat(order.hasLapsed(Instant.parse("2099-01-01T00:00:00Z"))).isFalse();
        assertThat(order.bankPaid(8000, "T", Instant.parse("2099-01-01T00:00:00Z"), false)).isInstanceOf(Settled.class);
        assertThatThrownBy(() -> order().lapse(NOW)).isInstanceOf(IllegalStateException.class);
    }

    /** CourseOrderLapsed: an open order (created or pending) is closed; a paid or already ended one cannot lapse. */
    @Test
    void theLapseClosesAnOpenCourseOrder() {
        FeeOrder created = courseOrder();
        created.lapse(LAPSES_AT);
        assertThat(created.status()).isEqualTo(OrderStatus.CLOSED);
        assertThat(created.endedAt()).isEqualTo(LAPSES_AT);

        FeeOrder pending = courseOrder();
        pending.sentToBank("u", "q", NOW, Duration.ofMinutes(30));
        pending.lapse(LAPSES_AT);
        assertThat(pending.status()).isEqualTo(OrderStatus.CLOSED);
        assertThat(pending.bankPaid(18000, "GP", LAPSES_AT.plusSeconds(5), false))
                .isEqualTo(new MustRefund("ORDER_LAPSED"));

        FeeOrder paid = courseOrder();
        paid.sentToBank("u", "q", NOW, Duration.ofMinutes(30));
        paid.bankPaid(18000, "GP", NOW, false);
        assertThatThrownBy(() -> paid.lapse(LAPSES_AT)).isInstanceOf(IllegalStateException.class);
        assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
    }

    /** The 30 minutes end at the lapse at the latest: the countdown never promises time the courses do not have. */
    @Test
    void theThirtyMinutesEndAtTheLapse() {
        FeeOrder early = courseOrder();
        early.sentToBank("u", "q", NOW, Duration.ofMinutes(30));
        assertThat(early.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));

        FeeOrder late = courseOrder();
        late.sentToBank("u", "q", LAPSES_AT.minusSeconds(600), Duration.ofMinutes(30));
        assertThat(late.expiresAt()).isEqualTo(LAPSES_AT);
        assertThat(late.isDue(LAPSES_AT)).isTrue();
        assertThat(late.hasLapsed(LAPSES_AT.minusMillis(1))).isFalse();
        assertThat(late.hasLapsed(LAPSES_AT)).isTrue();
    }
}
