package org.baokao.payment.desk;

import java.util.List;

import org.baokao.domain.operator.Operator;
import org.baokao.domain.operator.OperatorRole;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The channels of the operator's bureau, for the Orders and Reconciliation desks' choices (OPS-3). */
@RestController
class DeskChannelsController {

    private final BureauChannels channels;

    DeskChannelsController(BureauChannels channels) {
        this.channels = channels;
    }

    @GetMapping("/api/payments/operations/channels")
    List<ChannelOption> channels(Operator operator) {
        operator.require(OperatorRole.FINANCE, OperatorRole.BUREAU_ADMIN, OperatorRole.AUDITOR);
        return channels.of(operator.bureau()).stream().map(ChannelOption::of).toList();
    }
}
