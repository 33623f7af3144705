package org.baokao.payment.order;

import java.util.List;
import java.util.UUID;

import org.baokao.domain.operator.Operator;
import org.baokao.payment.desk.DeskPage;
import org.baokao.payment.desk.Paging;
import org.baokao.payment.order.OrderDeskViews.ExamOption;
import org.baokao.payment.order.OrderDeskViews.OrderDetail;
import org.baokao.payment.order.OrderDeskViews.OrderRow;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The Orders desk's API (订单管理, OPS-3); {@link OrderDesk} checks roles and the bureau. */
@RestController
class OrderDeskController {

    private final OrderDesk desk;

    OrderDeskController(OrderDesk desk) {
        this.desk = desk;
    }

    @GetMapping("/api/payments/operations/orders")
    DeskPage<OrderRow> list(Operator operator, @RequestParam(required = false) String exam,
            @RequestParam(required = false) String status, @RequestParam(required = false) String channel,
            @RequestParam(required = false) String createdFrom, @RequestParam(required = false) String createdTo,
            @RequestParam(required = false) String orderNo, @RequestParam(required = false) String candidateId,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return desk.list(operator, OrderFilter.of(exam, status, channel, createdFrom, createdTo, orderNo, candidateId),
                Paging.of(page, size));
    }

    @GetMapping("/api/payments/operations/orders/exams")
    List<ExamOption> exams(Operator operator) {
        return desk.exams(operator);
    }

    @GetMapping("/api/payments/operations/orders/{id}")
    OrderDetail detail(Operator operator, @PathVariable UUID id) {
        return desk.detail(operator, id);
    }

    @PostMapping("/api/payments/operations/orders/{id}/requery")
    OrderDetail requery(Operator operator, @PathVariable UUID id) {
        return desk.requery(operator, id);
    }

    record RefundRequest(String reason) {
    }

    @PostMapping("/api/payments/operations/orders/{id}/refund")
    OrderDetail refund(Operator operator, @PathVariable UUID id, @RequestBody(required = false) RefundRequest body) {
        return desk.refund(operator, id, body == null ? null : body.reason());
    }
}
