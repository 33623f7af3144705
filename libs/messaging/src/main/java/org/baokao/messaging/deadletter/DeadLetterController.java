package org.baokao.messaging.deadletter;

import java.util.UUID;

import org.baokao.domain.operator.Operator;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators list a service's dead letters and replay them once the cause is fixed (NOT-2), at the service's
 * operations path ({@code baokao.messaging.operations-path}); the 失败消息 desk (OPS-3) checks roles and bureau.
 */
@RestController
@RequestMapping("${baokao.messaging.operations-path:/operations}/dead-letters")
@PreAuthorize("hasRole('operator')")
public class DeadLetterController {

    private static final int MAX_SIZE = 100;

    private final DeadLetterDesk desk;

    public DeadLetterController(DeadLetterDesk desk) {
        this.desk = desk;
    }

    /** {@code status}: {@code open} (default), {@code replayed} or {@code all}; newest first. */
    @GetMapping
    DeadLetterDesk.Listing list(Operator operator, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return desk.list(operator, status, Math.max(page, 0), Math.clamp(size, 1, MAX_SIZE));
    }

    @PostMapping("/{id}/replay")
    DeadLetterDesk.DeadLetterView replay(Operator operator, @PathVariable UUID id) {
        return desk.replay(operator, id);
    }
}
