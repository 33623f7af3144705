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

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void onlyTheDrawnMovesAreAllowed(OrderStatus from) {
        for (OrderStatus to : OrderStatus.values()) {
            boolean expected = switch (from) {
                case CREATED -> to == OrderStatus.PENDING || to == OrderStatus.CLOSED;
                case PENDING -> to == OrderStatus.PAID || to == OrderStatus.EXPIRED || to == OrderStatus.CLOSED;
                case PAID -> to == OrderStatus.REFUNDED;
                default -> false;
            };
            assertThat(from.canMoveTo(to)).as(from + " → " + to).isEqualTo(expected);
        }
        assertThatThrownBy(() -> OrderStatus.EXPIRED.moveTo(OrderStatus.PAID)).isInstanceOf(IllegalStateException.class);
    }
}
