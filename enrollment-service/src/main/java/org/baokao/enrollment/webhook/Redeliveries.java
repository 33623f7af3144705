package org.baokao.enrollment.webhook;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.baokao.enrollment.webhook.DeliveryStore.DeliveryRow;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Puts a DELIVERED or DEAD delivery back in the queue (API-2), for its partner or the bureau's operators: the same
 * event, body and delivery id, signed anew when sent, with the whole retry schedule ahead of it. It keeps its place
 * in its candidate's order (an earlier PENDING delivery of the candidate still goes first). A PENDING one is already
 * on its way: 409 {@code DELIVERY_PENDING}. Runs in the caller's transaction, which holds the row's lock.
 */
@Component
class Redeliveries {

    private final DeliveryStore deliveries;
    private final DeliveryWorker worker;
    private final Clock clock;

    Redeliveries(DeliveryStore deliveries, DeliveryWorker worker, Clock clock) {
        this.deliveries = deliveries;
        this.worker = worker;
        this.clock = clock;
    }

    DeliveryRow requeue(DeliveryRow locked) {
        if (locked.status() == DeliveryStatus.PENDING) {
            throw Refusal.conflict("DELIVERY_PENDING", "该投递正在等待发送或重试，无需重新投递");
        }
        deliveries.requeue(locked.id(), clock.instant());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                worker.wake();
            }
        });
        return deliveries.find(locked.id()).orElseThrow();
    }

    static Refusal notFound() {
        return Refusal.notFound("DELIVERY_NOT_FOUND", "未找到该投递记录");
    }

    static List<UUID> ids(List<DeliveryRow> rows) {
        return rows.stream().map(DeliveryRow::id).toList();
    }
}
