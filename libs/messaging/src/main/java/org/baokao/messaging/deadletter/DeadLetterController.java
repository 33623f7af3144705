package org.baokao.messaging.deadletter;

import java.util.List;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operators list a service's dead letters and replay them once the cause is fixed (NOT-2). */
@RestController
@RequestMapping("${baokao.messaging.operations-path:/operations}/dead-letters")
@PreAuthorize("hasRole('operator')")
public class DeadLetterController {

    private final DeadLetters deadLetters;

    public DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    List<DeadLetter> open(@RequestParam(defaultValue = "100") int limit) {
        return deadLetters.open(Math.clamp(limit, 1, 1000));
    }

    @PostMapping("/{id}/replay")
    DeadLetter replay(@PathVariable UUID id) {
        DeadLetter letter = deadLetters.find(id)
                .orElseThrow(() -> Refusal.notFound("DEAD_LETTER_NOT_FOUND", "未找到该条失败消息"));
        if (!deadLetters.replay(id)) {
            throw Refusal.conflict("DEAD_LETTER_ALREADY_REPLAYED", "该条消息已重新投递，请勿重复操作");
        }
        return deadLetters.find(letter.id()).orElseThrow();
    }
}
