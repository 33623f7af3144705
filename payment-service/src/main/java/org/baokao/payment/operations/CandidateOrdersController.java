package org.baokao.payment.operations;

import java.util.List;
import java.util.UUID;

import org.baokao.domain.operator.Operator;
import org.baokao.domain.operator.OperatorRole;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * 考生查询 (OPS-3), a candidate's fee orders (enrollment fees and 自考 course orders) of the operator's bureau, newest
 * first, read-only. An order knows its bureau but not the candidate's city (its region is the payment channel's
 * rule, which may be the province's) nor their university, so only bureau-wide roles read it (administrator,
 * finance, auditor); a city operator or a reviewer is refused (403).
 */
@RestController
class CandidateOrdersController {

    private final CandidateOrders orders;

    CandidateOrdersController(CandidateOrders orders) {
        this.orders = orders;
    }

    @GetMapping("/api/payments/operations/candidates/{candidateId}/orders")
    List<CandidateOrders.Order> of(Operator operator, @PathVariable String candidateId) {
        operator.require(OperatorRole.BUREAU_ADMIN, OperatorRole.FINANCE, OperatorRole.AUDITOR);
        UUID id;
        try {
            id = UUID.fromString(candidateId);
        } catch (IllegalArgumentException e) {
            throw Operator.outOfScope();
        }
        return orders.of(id, operator.bureau());
    }
}
