package org.baokao.sandbox.bank;

import org.baokao.sandbox.bank.BankBehaviour.Settings;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Testers and demos make the banks' notifications duplicated, late or lost, and see how they behave now. */
@RestController
class BankBehaviourController {

    private final BankBehaviour behaviour;

    BankBehaviourController(BankBehaviour behaviour) {
        this.behaviour = behaviour;
    }

    @GetMapping("/sandbox/bank/api/behaviour")
    Settings current() {
        return behaviour.current();
    }

    /** A field left out keeps its current value. */
    @PostMapping("/sandbox/bank/api/behaviour")
    ResponseEntity<?> change(@RequestBody Change change) {
        Settings current = behaviour.current();
        Settings next = new Settings(change.duplicates() != null ? change.duplicates() : current.duplicates(),
                change.notifyDelayMs() != null ? change.notifyDelayMs() : current.notifyDelayMs(),
                change.dropNotifications() != null ? change.dropNotifications() : current.dropNotifications());
        if (!next.valid()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "重复次数须在0到" + Settings.MAX_DUPLICATES + "之间，延迟须在0到" + Settings.MAX_DELAY_MS + "毫秒之间");
            problem.setProperty("code", "INVALID_BEHAVIOUR");
            return ResponseEntity.badRequest().body(problem);
        }
        behaviour.change(next);
        return ResponseEntity.ok(next);
    }

    record Change(Integer duplicates, Long notifyDelayMs, Boolean dropNotifications) {
    }
}
