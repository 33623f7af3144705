package org.baokao.sandbox.sms;

import org.baokao.sandbox.Unreliability.Settings;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Testers and demos make the gateway slow or failing, and see how it behaves now. */
@RestController
class SmsBehaviourController {

    private final SmsGatewayBehaviour behaviour;

    SmsBehaviourController(SmsGatewayBehaviour behaviour) {
        this.behaviour = behaviour;
    }

    @GetMapping("/sandbox/sms/api/behaviour")
    Settings current() {
        return behaviour.current();
    }

    /** A field left out keeps its current value, so {@code {"failureRate":1}} leaves the latency alone. */
    @PostMapping("/sandbox/sms/api/behaviour")
    ResponseEntity<?> change(@RequestBody Change change) {
        Settings current = behaviour.current();
        Settings next = new Settings(change.failureRate() != null ? change.failureRate() : current.failureRate(),
                change.latencyMs() != null ? change.latencyMs() : current.latencyMs());
        if (!next.valid()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "失败率须在0到1之间，延迟须在0到" + Settings.MAX_LATENCY_MS + "毫秒之间");
            problem.setProperty("code", "INVALID_BEHAVIOUR");
            return ResponseEntity.badRequest().body(problem);
        }
        behaviour.change(next);
        return ResponseEntity.ok(next);
    }

    record Change(Double failureRate, Long latencyMs) {
    }
}
