package org.baokao.events.enrollment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.baokao.events.DomainEvent;
import org.baokao.events.EventType;
import org.baokao.events.Topics;

/**
 * The candidate confirmed; locked fields are final and the fee items are due (ENR-5, PAY-1). An empty list (or a
 * zero total) means nothing is owed: EnrollmentCompleted with a null orderId follows at once, and no order is made.
 *
 * @param examLocationCode the 考试地点 (a city code, e.g. 3702 青岛; decides the payment channel, PAY-2)
 * @param track            UNIFIED or VETERAN_EXEMPTION (ENR-6)
 * @param subjectGroupCode the subject group chosen, null when the candidate sits no exam
 * @param paymentOpensAt   the exam's payment dates (PAY-3), null in events older than issue 7
 * @param paymentClosesAt  end of the payment dates (exclusive), null in older events
 * @param paymentDailyOpens  the daily payment hours, "HH:mm" Asia/Shanghai, null in older events
 * @param paymentDailyCloses "HH:mm" (may be "24:00"), null in older events
 * @param examName         the exam's name for receipts and SMS, null in older events
 * @param bureau           the bureau (考试院) of the exam: its payment channel rules and receipts (BUR-1); null in
 *                         events from before bureaus (the default bureau)
 */
@EventType(name = "EnrollmentConfirmed", topic = Topics.ENROLLMENT)
public record EnrollmentConfirmed(UUID enrollmentId, UUID candidateId, String examCode, String examLocationCode,
        List<FeeItem> feeItems, Instant confirmedAt, String track, String subjectGroupCode, Instant paymentOpensAt,
        Instant paymentClosesAt, String paymentDailyOpens, String paymentDailyCloses, String examName, String bureau)
        implements DomainEvent {

    /** The event as it was before bureaus. */
    public EnrollmentConfirmed(UUID enrollmentId, UUID candidateId, String examCode, String examLocationCode,
            List<FeeItem> feeItems, Instant confirmedAt, String track, String subjectGroupCode, Instant paymentOpensAt,
            Instant paymentClosesAt, String paymentDailyOpens, String paymentDailyCloses, String examName) {
        this(enrollmentId, candidateId, examCode, examLocationCode, feeItems, confirmedAt, track, subjectGroupCode,
                paymentOpensAt, paymentClosesAt, paymentDailyOpens, paymentDailyCloses, examName, null);
    }

    /** The event as it was before the payment window was added. */
    public EnrollmentConfirmed(UUID enrollmentId, UUID candidateId, String examCode, String examLocationCode,
            List<FeeItem> feeItems, Instant confirmedAt, String track, String subjectGroupCode) {
        this(enrollmentId, candidateId, examCode, examLocationCode, feeItems, confirmedAt, track, subjectGroupCode,
                null, null, null, null, null, null);
    }

    /** One line of the fee order, in fen. */
    public record FeeItem(String code, String name, long amountFen) {
    }

    public long totalFen() {
        return feeItems.stream().mapToLong(FeeItem::amountFen).sum();
    }

    @Override
    public String aggregateId() {
        return candidateId.toString();
    }
}
