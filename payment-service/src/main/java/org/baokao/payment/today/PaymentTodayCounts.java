package org.baokao.payment.today;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * 今日概况's figures payment-service holds, per exam: {@code ordersPending} (fee orders made and not yet paid,
 * expired or closed) and {@code reconciliationGaps} (open discrepancies of the exam's orders). A city operator's
 * orders are those of their city's region (the order's region is its exam location's). A discrepancy the bank
 * reported without an order of ours names no exam and no bureau: it is not counted here (the 对账 desk shows it).
 */
@Repository
class PaymentTodayCounts {

    private final JdbcClient jdbc;

    PaymentTodayCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code city}: null for the bureau; {@code withGaps}: whether the reconciliation figure is the operator's. */
    Map<String, Map<String, Long>> of(String bureau, List<String> exams, String city, boolean withGaps) {
        Map<String, Map<String, Long>> figures = new LinkedHashMap<>();
        for (String exam : exams) {
            Map<String, Long> zero = new LinkedHashMap<>();
            zero.put("ordersPending", 0L);
            if (withGaps) {
                zero.put("reconciliationGaps", 0L);
            }
            figures.put(exam, zero);
        }
        var pending = jdbc.sql("""
                select exam_code, count(*) from fee_order
                where status in ('CREATED', 'PENDING') and bureau = :bureau and exam_code in (:exams)"""
                + (city == null ? "" : " and region_code like :city") + " group by exam_code")
                .param("bureau", bureau).param("exams", exams);
        if (city != null) {
            pending = pending.param("city", city + "%");
        }
        pending.query((row, n) -> figures.get(row.getString(1)).put("ordersPending", row.getLong(2))).list();
        if (withGaps) {
            jdbc.sql("""
                    select o.exam_code, count(*) from discrepancy d join fee_order o on o.id = d.order_id
                    where d.status = 'OPEN' and o.bureau = :bureau and o.exam_code in (:exams)
                    group by o.exam_code""").param("bureau", bureau).param("exams", exams)
                    .query((row, n) -> figures.get(row.getString(1)).put("reconciliationGaps", row.getLong(2)))
                    .list();
        }
        return figures;
    }
}
