package org.baokao.sandbox.sms;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SMS provider's API as the platform calls it, and the tester's view of what was "delivered":
 * the sandbox is how a person or an automated journey reads a verification code.
 */
@RestController
class SmsGatewayController {

    private static final String MAINLAND_MOBILE = "1[3-9]\\d{9}";

    private final SmsInbox inbox;
    private final Clock clock = Clock.systemUTC();

    SmsGatewayController(SmsInbox inbox) {
        this.inbox = inbox;
    }

    @PostMapping("/sandbox/sms/api/send")
    ResponseEntity<?> send(@RequestBody SendRequest request) {
        if (request.phone() == null || !request.phone().matches(MAINLAND_MOBILE)) {
            return refuse("INVALID_PHONE", "手机号码格式不正确");
        }
        if (request.content() == null || request.content().isBlank() || request.content().length() > 500) {
            return refuse("INVALID_CONTENT", "短信内容为空或超过500字");
        }
        SmsMessage message = new SmsMessage(UUID.randomUUID().toString(), request.phone(), request.content(),
                clock.instant());
        inbox.add(message);
        return ResponseEntity.ok(Map.of("messageId", message.messageId(), "status", "ACCEPTED"));
    }

    @GetMapping("/sandbox/sms/api/messages")
    List<SmsMessage> messages(@RequestParam(required = false) String phone,
            @RequestParam(defaultValue = "50") int limit) {
        return inbox.newestFirst(phone, Math.clamp(limit, 1, 500));
    }

    private static ResponseEntity<ProblemDetail> refuse(String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty("code", code);
        return ResponseEntity.badRequest().body(problem);
    }

    record SendRequest(String phone, String content) {
    }
}
