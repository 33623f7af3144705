package org.baokao.sandbox.partner;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.baokao.sandbox.partner.PartnerEndpoints.Answer;
import org.baokao.sandbox.partner.PartnerEndpoints.Received;
import org.baokao.sandbox.partner.PartnerEndpoints.Settings;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A partner bureau's webhook endpoint, played (API-2): a tester registers {@code
 * http://localhost:8090/sandbox/partner/NAME/webhook} through the partner API, tells the sandbox the secret it got
 * and how the endpoint behaves ({@code PUT /sandbox/partner/NAME}), and reads what arrived with whether each
 * signature checked out ({@code GET /sandbox/partner/NAME/received}).
 */
@RestController
class PartnerController {

    /** Slow by default: longer than the platform's 10 s request timeout. */
    static final long DEFAULT_DELAY_MS = 15_000;
    static final long MAX_DELAY_MS = 60_000;
    static final int MAX_FAIL_TIMES = 1000;

    private final PartnerEndpoints partners;
    private final Clock clock = Clock.systemUTC();

    PartnerController(PartnerEndpoints partners) {
        this.partners = partners;
    }

    /** What a tester sends; a field left out keeps its current value ({@code mode} OK for a new partner). */
    record Change(String secret, String mode, Integer failTimes, Long delayMs) {
    }

    /** The endpoint's settings as shown: never the secret itself. */
    record View(String name, String mode, Integer failTimes, long delayMs, boolean secretSet, String webhookPath) {

        static View of(String name, Settings settings) {
            return new View(name, settings.mode().name().toLowerCase(Locale.ROOT), settings.failTimes(),
                    settings.delayMs(), settings.secret() != null, "/sandbox/partner/" + name + "/webhook");
        }
    }

    @PutMapping("/sandbox/partner/{name}")
    ResponseEntity<?> configure(@PathVariable String name, @RequestBody Change change) {
        if (!PartnerEndpoints.NAME.matcher(name).matches()) {
            return problem(HttpStatus.BAD_REQUEST, "INVALID_PARTNER_NAME", "合作方名称只能包含小写字母、数字和“-”，不超过60个字符");
        }
        Settings current = partners.settings(name).orElse(new Settings(null, PartnerMode.OK, null, DEFAULT_DELAY_MS));
        PartnerMode mode;
        try {
            mode = change.mode() == null ? current.mode() : PartnerMode.valueOf(change.mode().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return problem(HttpStatus.BAD_REQUEST, "INVALID_MODE", "mode 只能是 ok、slow、failing 或 down");
        }
        // failTimes counts from this change: a failing endpoint set again fails the number given anew
        Integer failTimes = change.failTimes() != null ? change.failTimes()
                : change.mode() != null ? null : current.failTimes();
        long delayMs = change.delayMs() != null ? change.delayMs() : current.delayMs();
        if ((failTimes != null && (failTimes < 0 || failTimes > MAX_FAIL_TIMES)) || delayMs < 0
                || delayMs > MAX_DELAY_MS) {
            return problem(HttpStatus.BAD_REQUEST, "INVALID_BEHAVIOUR",
                    "failTimes 须在0到" + MAX_FAIL_TIMES + "之间，delayMs 须在0到" + MAX_DELAY_MS + "之间");
        }
        String secret = change.secret() != null ? change.secret() : current.secret();
        return ResponseEntity.ok(View.of(name, partners.configure(name, new Settings(secret, mode, failTimes,
                delayMs))));
    }

    @GetMapping("/sandbox/partner/{name}")
    ResponseEntity<?> settings(@PathVariable String name) {
        return partners.settings(name).<ResponseEntity<?>>map(settings -> ResponseEntity.ok(View.of(name, settings)))
                .orElseGet(PartnerController::unknown);
    }

    /** Where the platform delivers: answers as the endpoint's mode says, and keeps what arrived. */
    @PostMapping("/sandbox/partner/{name}/webhook")
    ResponseEntity<?> receive(@PathVariable String name, @RequestBody(required = false) byte[] body,
            @RequestHeader HttpHeaders headers) throws InterruptedException {
        Optional<Answer> decided = partners.answer(name);
        if (decided.isEmpty()) {
            return unknown();
        }
        Answer answer = decided.get();
        byte[] bytes = body == null ? new byte[0] : body;
        String signature = header(headers, "Baokao-Signature");
        partners.record(name, new Received(clock.instant(), header(headers, "Baokao-Event-Id"),
                header(headers, "Baokao-Delivery-Id"), header(headers, "Baokao-Event-Type"),
                PartnerSignature.count(signature), PartnerSignature.valid(signature, bytes, answer.secret(),
                        clock.instant()), answer.status(), new String(bytes, StandardCharsets.UTF_8)));
        if (answer.delayMs() > 0) {
            Thread.sleep(Duration.ofMillis(answer.delayMs()));
        }
        return answer.status() == 200 ? ResponseEntity.ok(Map.of("received", true))
                : problem(HttpStatus.INTERNAL_SERVER_ERROR, "PARTNER_FAILING", "合作方系统繁忙（沙箱模拟故障）");
    }

    /** What arrived, newest first, each with whether its signature checked out with the secret set then. */
    @GetMapping("/sandbox/partner/{name}/received")
    ResponseEntity<?> received(@PathVariable String name) {
        return partners.received(name).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(PartnerController::unknown);
    }

    private static String header(HttpHeaders headers, String name) {
        return headers.getFirst(name);
    }

    private static ResponseEntity<?> unknown() {
        return problem(HttpStatus.NOT_FOUND, "PARTNER_NOT_CONFIGURED",
                "沙箱没有这个合作方，请先用 PUT /sandbox/partner/{name} 设置");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return ResponseEntity.status(status).body(problem);
    }
}
