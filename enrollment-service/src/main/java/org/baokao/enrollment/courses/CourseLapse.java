package org.baokao.enrollment.courses;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.baokao.enrollment.exam.Exam;
import org.baokao.messaging.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SST-6 (seed 004: 您报考的所有课程，只有在显示支付成功以后才会生效): once a sitting's registration window has closed, every
 * unpaid course order lapses (a placed one publishes {@code CourseOrderLapsed}: payment-service closes its fee order)
 * and every theory course still only selected is void; the course page shows them 已失效. Done in batches, each its
 * own short transaction, so a sitting of 200,000 candidates never holds long locks; safe to run again (only what is
 * still unpaid or selected changes) and on two instances at once (orders another run holds are skipped and left for
 * the next run; registrations queue). A sitting is marked done for its close only when nothing unpaid is left, and
 * then skipped.
 */
@Service
public class CourseLapse {

    /** Rows per transaction. */
    static final int BATCH = 200;
    /**
     * How long after the close the lapse starts: a tick or a pledge let in just before the close may still be
     * committing; the lapse then sees it (payment-service refuses money from the close on whatever we do).
     */
    static final Duration GRACE = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(CourseLapse.class);
    private static final UUID FIRST = new UUID(0, 0);

    private final CourseStore store;
    private final CourseSittings sittings;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CourseLapse(CourseStore store, CourseSittings sittings, Outbox outbox, PlatformTransactionManager transactions,
            Clock clock) {
        this.store = store;
        this.sittings = sittings;
        this.outbox = outbox;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** What a run lapsed. */
    public record Lapsed(int sittings, int orders, int selections) {
    }

    /** Lapses every sitting whose registration closed (plus the grace) and is not done for that close yet. */
    public Lapsed lapseClosedSittings() {
        Instant now = clock.instant();
        int sittingsDone = 0;
        int orders = 0;
        int selections = 0;
        for (Exam exam : sittings.allExams()) {
            Instant closesAt = exam.registration().closesAt();
            if (now.isBefore(closesAt.plus(GRACE)) || store.isLapsed(exam.code(), closesAt)) {
                continue;
            }
            int lapsedOrders = lapseOrders(exam.code());
            int lapsedSelections = lapseSelections(exam.code());
            orders += lapsedOrders;
            selections += lapsedSelections;
            Boolean done = transactions.execute(status -> {
                if (store.hasUnpaidOrders(exam.code())) {
                    return false;
                }
                store.markLapsed(exam.code(), closesAt, clock.instant(), lapsedOrders, lapsedSelections);
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                sittingsDone++;
                log.info("Sitting {} closed at {}: {} unpaid course order(s) and {} selection(s) lapsed", exam.code(),
                        closesAt, lapsedOrders, lapsedSelections);
            } else {
                log.info("Sitting {}: {} course order(s) and {} selection(s) lapsed, some orders were busy: the next"
                        + " run lapses them", exam.code(), lapsedOrders, lapsedSelections);
            }
        }
        return new Lapsed(sittingsDone, orders, selections);
    }

    private int lapseOrders(String examCode) {
        int total = 0;
        while (true) {
            Integer batch = transactions.execute(status -> {
                Instant now = clock.instant();
                List<CourseOrder> unpaid = store.lockUnpaidOrders(examCode, BATCH);
                for (CourseOrder order : unpaid) {
                    order.lapse(now).ifPresent(outbox::publish);
                    store.update(order, now);
                }
                return unpaid.size();
            });
            total += batch;
            if (batch < BATCH) {
                return total;
            }
        }
    }

    private int lapseSelections(String examCode) {
        int total = 0;
        UUID after = FIRST;
        while (true) {
            UUID from = after;
            List<CourseRegistration> batch = transactions.execute(status -> {
                Instant now = clock.instant();
                List<CourseRegistration> selecting = store.lockSelectionsAfter(examCode, from, BATCH);
                for (CourseRegistration registration : selecting) {
                    if (registration.lapseSelection(now)) {
                        store.save(registration, now);
                    }
                }
                return selecting;
            });
            total += batch.size();
            if (batch.size() < BATCH) {
                return total;
            }
            after = batch.getLast().candidateId();
        }
    }
}
