package org.baokao.events.enrollment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.baokao.events.DomainEvent;
import org.baokao.events.EventType;
import org.baokao.events.Topics;

/**
 * A Shanghai 自考 candidate agreed to the 考生报考承诺书 for a course order (结算, SST-6, ENR-9): its theory courses are
 * due, one item per course in integer fen. payment-service opens one fee order for it, keyed by
 * {@code courseOrderId} where an enrollment's order is keyed by the enrollment id (its payment events name the
 * course order in {@code enrollmentId}), routed by the bureau's rules for {@code examLocationCode} (Shanghai: 3101 →
 * the public payment platform, PAY-2).
 *
 * @param paymentOpensAt     the sitting's payment dates (PAY-3)
 * @param paymentClosesAt    end of the payment dates (exclusive)
 * @param paymentDailyOpens  daily payment hours, "HH:mm" Asia/Shanghai
 * @param paymentDailyCloses "HH:mm" (may be "24:00")
 * @param lapsesAt           the registration window's close: an unpaid selection lapses then (课程报考视为无效), and
 *                           money the bank reports as paid at or after it is refunded, never counted
 */
@EventType(name = "CourseOrderPlaced", topic = Topics.ENROLLMENT)
public record CourseOrderPlaced(UUID courseOrderId, UUID candidateId, String bureau, String examCode, String examName,
        String examLocationCode, List<Item> items, Instant placedAt, Instant paymentOpensAt, Instant paymentClosesAt,
        String paymentDailyOpens, String paymentDailyCloses, Instant lapsesAt) implements DomainEvent {

    /** One theory course of the order: its code, its name with the university's ("复旦大学 传播学概论"), its fee. */
    public record Item(String code, String name, long amountFen) {
    }

    public long totalFen() {
        return items.stream().mapToLong(Item::amountFen).sum();
    }

    @Override
    public String aggregateId() {
        return candidateId.toString();
    }
}
