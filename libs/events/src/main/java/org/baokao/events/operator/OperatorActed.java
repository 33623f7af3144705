package org.baokao.events.operator;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.baokao.events.DomainEvent;
import org.baokao.events.EventType;
import org.baokao.events.Topics;

/**
 * An operator changed something or saw personal data in clear (OPS-3): who, acting for which bureau in which roles,
 * what ({@code action}, a stable dotted code such as {@code candidate.reveal}, {@code order.refund},
 * {@code review.decide}), on what ({@code subjectType} + {@code subjectId}, with a masked {@code subjectLabel} for
 * people reading the trail), the reason typed, and the action's own figures ({@code details}: codes, masked values,
 * counts; never personal data in clear). Recorded by the acting service in the transaction of the change itself
 * (libs/messaging {@code OperatorAudit}), so a change is never without its audit row; account-service keeps the
 * searchable trail. Keyed by the operator: one person's actions stay in order.
 */
@EventType(name = "OperatorActed", topic = Topics.OPERATOR_ACTIONS)
public record OperatorActed(UUID actionId, String bureau, String operatorSubject, String operatorUsername,
        String operatorName, List<String> operatorRoles, String service, String action, String subjectType,
        String subjectId, String subjectLabel, String reason, Map<String, String> details, Instant actedAt)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return operatorSubject;
    }
}
