package org.baokao.messaging.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.baokao.domain.operator.Operator;
import org.baokao.domain.operator.OperatorRole;
import org.baokao.events.operator.OperatorActed;
import org.baokao.messaging.outbox.Outbox;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way a service audits an operator's action (OPS-3): every change and every reveal of personal data in
 * clear. Written through the outbox in the transaction of the change (a change that commits has its audit row, a
 * rolled-back one has none); a read that reveals opens its own transaction. account-service keeps the searchable
 * trail from the {@link OperatorActed} events.
 * <p>
 * {@code subjectLabel} and {@code details} are read by people: put masked values and codes there, never an ID
 * number, phone or name in clear.
 */
public class OperatorAudit {

    private final Outbox outbox;
    private final Clock clock;
    private final String service;

    public OperatorAudit(Outbox outbox, Clock clock, String service) {
        this.outbox = outbox;
        this.clock = clock;
        this.service = service;
    }

    /**
     * Records that {@code operator} did {@code action} (a stable dotted code, e.g. {@code order.refund}) to the
     * subject, for the reason typed (null where the desk asks for none); answers the action's id.
     */
    @Transactional
    public UUID record(Operator operator, String action, String subjectType, String subjectId, String subjectLabel,
            String reason, Map<String, String> details) {
        UUID actionId = UUID.randomUUID();
        List<String> roles = new ArrayList<>();
        for (OperatorRole role : operator.roles()) {
            roles.add(role.roleName());
        }
        roles.sort(null);
        outbox.publish(new OperatorActed(actionId, operator.bureau(), operator.subject(), operator.username(),
                operator.name(), List.copyOf(roles), service, action, subjectType, subjectId, subjectLabel, reason,
                details == null ? Map.of() : Map.copyOf(details), clock.instant()));
        return actionId;
    }
}
