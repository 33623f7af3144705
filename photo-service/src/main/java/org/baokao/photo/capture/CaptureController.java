package org.baokao.photo.capture;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.baokao.web.bureau.BureauAddress;
import org.baokao.web.bureau.BureauProperties;
import org.baokao.web.bureau.RequestBureau;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Phone capture (PHO-1). Desktop (candidate token): open a session (QR code), long-poll it. Phone (no login, the
 * link's token is the credential): the page, the link's state, the upload.
 */
@RestController
class CaptureController {

    /**
     * The longest long poll. The gateway gives every call 10 s (its time limiter, BreakerProperties) before it
     * answers 503 and counts a failure against photo-service's breaker, so a poll stays well under it; the desktop
     * simply polls again.
     */
    static final long MAX_WAIT_MS = 8_000;

    private final CaptureSessions sessions;
    private final BureauProperties bureaus;

    CaptureController(CaptureSessions sessions, BureauProperties bureaus) {
        this.sessions = sessions;
        this.bureaus = bureaus;
    }

    @PostMapping("/api/photos/capture-sessions")
    @PreAuthorize("hasRole('candidate')")
    ResponseEntity<OpenedView> open(@AuthenticationPrincipal Jwt token) {
        CaptureSessions.Opened opened = sessions.open(candidate(token), bureauOf(token));
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(new OpenedView(opened.session().id(), opened.captureUrl(),
                        Base64.getEncoder().encodeToString(opened.qrPng()), opened.session().expiresAt()));
    }

    @GetMapping("/api/photos/capture-sessions/{id}")
    @PreAuthorize("hasRole('candidate')")
    SessionView poll(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
            @RequestParam(defaultValue = "0") long waitMs) throws InterruptedException {
        long wait = Math.clamp(waitMs, 0, MAX_WAIT_MS);
        CaptureSession session = sessions.await(candidate(token), id, Duration.ofMillis(wait));
        return view(session);
    }

    @GetMapping("/api/photos/public/capture/{token}")
    PhoneView link(@PathVariable String token) {
        CaptureSession session = sessions.usable(token);
        return new PhoneView(session.status().name(), session.expiresAt(), "请正对镜头，在浅色纯色背景前拍摄正面免冠照片");
    }

    @PostMapping("/api/photos/public/capture/{token}")
    ResponseEntity<PhoneView> upload(@PathVariable String token, @RequestParam("photo") MultipartFile file)
            throws IOException {
        sessions.upload(token, file.getBytes());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new PhoneView(CaptureSession.Status.UPLOADED.name(), null, "照片已上传，请在电脑上确认或重拍"));
    }

    private static SessionView view(CaptureSession session) {
        String status = session.expiredAt(Instant.now()) ? "EXPIRED" : session.status().name();
        return new SessionView(session.id(), status, session.photoId(),
                session.photoId() == null ? null : "/api/photos/" + session.photoId() + "/image", session.expiresAt());
    }

    /** The bureau of the candidate's account (a token from before bureaus: the default bureau's). */
    private String bureauOf(Jwt token) {
        String claim = token.getClaimAsString(BureauAddress.CLAIM);
        return new RequestBureau(claim == null ? bureaus.defaultCode() : claim).code();
    }

    private static UUID candidate(Jwt token) {
        try {
            return UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException e) {
            throw Refusal.notFound("CAPTURE_SESSION_NOT_FOUND", "拍照会话不存在");
        }
    }

    record OpenedView(UUID sessionId, String captureUrl, String qrPng, Instant expiresAt) {
    }

    record SessionView(UUID sessionId, String status, UUID photoId, String imagePath, Instant expiresAt) {
    }

    record PhoneView(String status, Instant expiresAt, String message) {
    }
}
