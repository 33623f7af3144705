package org.baokao.sandbox.sms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.baokao.sandbox.sms.SmsInbox.Acceptance;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SMS provider's API as the platform calls it, and the tester's view of what was "delivered":
 * the sandbox is how a person or an automated journey reads a verification code.
 */
@RestController
class SmsGatewayController {

    /** The header a caller names its request with; a retry under the same key sends nothing new. */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private static final String MAINLAND_MOBILE = "1[3-9]\\d{9}";

    private final SmsInbox inbox;
    private final SmsGatewayBehaviour behaviour;
    private final Clock clock = Clock.systemUTC();

    SmsGatewayController(SmsInbox inbox, SmsGatewayBehaviour behaviour) {
        this.inbox = inbox;
        this.behaviour = behaviour;
    }

    @PostMapping("/sandbox/sms/api/send")
    ResponseEntity<?> send(@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String requestId,
            @RequestBody SendRequest request) throws InterruptedException {
        behaviour.delay();
        // a gateway that is down is down for retries too, so failures come before the idempotency lookup
        if (behaviour.failsThisCall()) {
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "GATEWAY_BUSY", "短信网关繁忙，请稍后重试");
        }
        if (requestId != null && (requestId.isBlank() || requestId.length() > 100)) {
            return problem(HttpStatus.BAD_REQUEST, "INVALID_IDEMPOTENCY_KEY", "请求标识为空或超过100个字符");
        }
        if (request.phone() == null || !request.phone().matches(MAINLAND_MOBILE)) {
            return problem(HttpStatus.BAD_REQUEST, "INVALID_PHONE", "手机号码格式不正确");
        }
        if (request.content() == null || request.content().isBlank() || request.content().length() > 500) {
            return problem(HttpStatus.BAD_REQUEST, "INVALID_CONTENT", "短信内容为空或超过500字");
        }
        Acceptance acceptance = inbox.accept(requestId, request.phone(), request.content(), clock.instant());
        return switch (acceptance.outcome()) {
            case ACCEPTED -> accepted(acceptance.message(), false);
            case REPLAYED -> accepted(acceptance.message(), true);
            case KEY_REUSED -> problem(HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_REUSED",
                    "该请求标识已用于另一条短信（号码或内容不同）");
        };
    }

    @GetMapping("/sandbox/sms/api/messages")
    List<SmsMessage> messages(@RequestParam(required = false) String phone,
            @RequestParam(defaultValue = "50") int limit) {
        return inbox.newestFirst(phone, Math.clamp(limit, 1, 500));
    }

    /**
     * The last SMS to a phone: how a tester or a journey reads the code it was just sent. With {@code after} (the
     * message id it knew before asking for a code) it waits up to {@code waitMs} for a newer one; with
     * {@code sinceEpochMs} (when it asked) for one that arrived since, which saves the journey a request.
     */
    @GetMapping("/sandbox/sms/api/messages/latest")
    ResponseEntity<?> latest(@RequestParam String phone, @RequestParam(required = false) String after,
            @RequestParam(required = false) Long sinceEpochMs, @RequestParam(defaultValue = "0") long waitMs)
            throws InterruptedException {
        Duration patience = Duration.ofMillis(Math.clamp(waitMs, 0, MAX_WAIT_MS));
        Optional<SmsMessage> latest;
        if (sinceEpochMs != null) {
            latest = inbox.latestSince(phone, Instant.ofEpochMilli(sinceEpochMs), patience);
        } else if (after != null) {
            latest = inbox.latestAfter(phone, after, patience);
        } else {
            latest = inbox.latest(phone);
        }
        boolean waited = sinceEpochMs != null || after != null;
        return latest.<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "NO_MESSAGE", waited ? "该手机号在等待时间内没有收到新短信"
                        : "该手机号还没有收到短信"));
    }

    private static ResponseEntity<Map<String, String>> accepted(SmsMessage message, boolean replayed) {
        return ResponseEntity.ok().header("Idempotent-Replayed", String.valueOf(replayed))
                .body(Map.of("messageId", message.messageId(), "status", "ACCEPTED"));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return ResponseEntity.status(status).body(problem);
    }

    private static final long MAX_WAIT_MS = 30_000;

    record SendRequest(String phone, String content) {
    }
}
