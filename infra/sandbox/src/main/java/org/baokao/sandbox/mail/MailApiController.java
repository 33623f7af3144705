package org.baokao.sandbox.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the sandbox's SMTP server received, as JSON: how a tester or a browser test reads the mail the platform
 * sent, e.g. a password-reset code.
 */
@RestController
class MailApiController {

    private static final long MAX_WAIT_MS = 30_000;

    private final MailInbox inbox;
    private final MailServer server;

    MailApiController(MailInbox inbox, MailServer server) {
        this.inbox = inbox;
        this.server = server;
    }

    /** Mails to one address ({@code to}, any case) or to everyone, newest first. */
    @GetMapping("/sandbox/mail/api/messages")
    List<MailMessage> messages(@RequestParam(required = false) String to,
            @RequestParam(defaultValue = "50") int limit) {
        return inbox.newestFirst(to, Math.clamp(limit, 1, 500));
    }

    /**
     * The last mail to an address. With {@code sinceEpochMs} (when the caller asked for the mail) it waits up to
     * {@code waitMs} for one that arrived since, so a journey reads a fresh code without polling.
     */
    @GetMapping("/sandbox/mail/api/messages/latest")
    ResponseEntity<?> latest(@RequestParam String to, @RequestParam(required = false) Long sinceEpochMs,
            @RequestParam(defaultValue = "0") long waitMs) throws InterruptedException {
        Optional<MailMessage> latest = sinceEpochMs == null ? inbox.latest(to)
                : inbox.latestSince(to, Instant.ofEpochMilli(sinceEpochMs),
                        Duration.ofMillis(Math.clamp(waitMs, 0, MAX_WAIT_MS)));
        return latest.<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    sinceEpochMs == null ? "该邮箱还没有收到邮件" : "该邮箱在等待时间内没有收到新邮件");
            problem.setProperty("code", "NO_MESSAGE");
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
        });
    }

    /** Where the SMTP server listens: what a sender is configured with. */
    @GetMapping("/sandbox/mail/api/server")
    SmtpAddress server() {
        return new SmtpAddress(server.bindAddress(), server.port());
    }

    record SmtpAddress(String host, int port) {
    }
}
