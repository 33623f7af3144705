package org.baokao.messaging.deadletter;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.baokao.domain.operator.Operator;
import org.baokao.domain.operator.OperatorRole;
import org.baokao.messaging.audit.OperatorAudit;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The 失败消息 desk of one service (OPS-3): a bureau's administrators list and replay its dead letters, auditors
 * list them, nobody else. An operator sees their own bureau's and the platform-wide ones ({@link DeadLetterBureau});
 * another bureau's are answered as absent. A replay is audited ({@value #ACTION}) in the transaction that marks it.
 * The list shows what an operator needs to decide, never the event's payload (it may carry a phone or a code).
 */
public class DeadLetterDesk {

    public static final String ACTION = "dead-letter.replay";
    /** The newest dead letters looked at per request: a service with more has a problem no table fixes. */
    static final int LOOK_AT = 1000;

    private final DeadLetters deadLetters;
    private final OperatorAudit audit;
    private final TransactionTemplate transactions;
    private final String service;

    public DeadLetterDesk(DeadLetters deadLetters, OperatorAudit audit, TransactionTemplate transactions,
            String service) {
        this.deadLetters = deadLetters;
        this.audit = audit;
        this.transactions = transactions;
        this.service = service;
    }

    public Listing list(Operator operator, String typedStatus, int page, int size) {
        operator.require(OperatorRole.BUREAU_ADMIN, OperatorRole.AUDITOR);
        Status status = Status.of(typedStatus);
        List<DeadLetterView> visible = deadLetters.newest(status.open, status.replayed, LOOK_AT).stream()
                .map(this::view).filter(view -> visibleTo(view, operator)).toList();
        return new Listing(visible.stream().skip((long) page * size).limit(size).toList(), visible.size(), page,
                size);
    }

    public DeadLetterView replay(Operator operator, UUID id) {
        operator.require(OperatorRole.BUREAU_ADMIN);
        return transactions.execute(status -> {
            DeadLetterView letter = deadLetters.find(id).map(this::view).filter(view -> visibleTo(view, operator))
                    .orElseThrow(DeadLetterDesk::notFound);
            if (letter.replayedAt() != null) {
                throw alreadyReplayed();
            }
            Map<String, String> details = new LinkedHashMap<>();
            details.put("service", service);
            details.put("consumer", letter.consumer());
            details.put("topic", letter.topic());
            details.put("eventType", String.valueOf(letter.eventType()));
            details.put("eventId", String.valueOf(letter.eventId()));
            audit.record(operator, ACTION, "dead-letter", id.toString(),
                    (letter.eventType() == null ? "无法解析的消息" : letter.eventType()) + " @ " + letter.consumer(),
                    null, details);
            // a concurrent replay marked it first: the conflict rolls the audit row back with it
            if (!deadLetters.replay(id)) {
                throw alreadyReplayed();
            }
            return deadLetters.find(id).map(this::view).orElseThrow();
        });
    }

    private DeadLetterView view(DeadLetter letter) {
        return new DeadLetterView(letter.id(), service, letter.consumer(), letter.topic(), letter.eventType(),
                letter.eventId(), DeadLetterBureau.of(letter.payload()).orElse(null), letter.error(),
                letter.failedAt(), letter.replayedAt());
    }

    private static boolean visibleTo(DeadLetterView view, Operator operator) {
        return DeadLetterBureau.visibleTo(Optional.ofNullable(view.bureau()), operator.bureau());
    }

    static Refusal notFound() {
        return Refusal.notFound("DEAD_LETTER_NOT_FOUND", "未找到该条失败消息");
    }

    static Refusal alreadyReplayed() {
        return Refusal.conflict("DEAD_LETTER_ALREADY_REPLAYED", "该条消息已重新投递，请勿重复操作");
    }

    /** Which dead letters a list shows: waiting ones (the default), replayed ones, or both. */
    enum Status {
        OPEN(true, false), REPLAYED(false, true), ALL(true, true);

        final boolean open;
        final boolean replayed;

        Status(boolean open, boolean replayed) {
            this.open = open;
            this.replayed = replayed;
        }

        static Status of(String typed) {
            if (typed == null || typed.isBlank()) {
                return OPEN;
            }
            try {
                return valueOf(typed.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                throw Refusal.invalid("DEAD_LETTER_STATUS_INVALID", "状态只能是 open（待处理）、replayed（已重新投递）或 all（全部）");
            }
        }
    }

    /**
     * A dead letter as the desk shows it. {@code bureau}: the bureau its event names, null for a platform-wide one.
     * No payload and no record key (a key may be an e-mail address).
     */
    public record DeadLetterView(UUID id, String service, String consumer, String topic, String eventType,
            UUID eventId, String bureau, String error, Instant failedAt, Instant replayedAt) {
    }

    public record Listing(List<DeadLetterView> items, long total, int page, int size) {
    }
}
