package org.baokao.photo.capture;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.baokao.photo.enrollment.ConfirmedEnrollments;
import org.baokao.photo.identity.IdentityChecks;
import org.baokao.photo.photo.Photo;
import org.baokao.photo.photo.Photos;
import org.baokao.web.qr.QrCodePng;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Phone capture (PHO-1): the desktop opens a session and shows the QR code of a random single-use link; the phone
 * uploads through it (the same quality check and storage as a desktop upload); the desktop long-polls the session and
 * then confirms the photo (submit) or opens a new session (retake). Only the token's hash is stored.
 */
@Service
public class CaptureSessions {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration POLL_STEP = Duration.ofMillis(250);

    private final JdbcClient jdbc;
    private final Photos photos;
    private final ConfirmedEnrollments confirmed;
    private final IdentityChecks identityChecks;
    private final Clock clock;
    private final Duration validity;
    private final String publicBaseUrl;

    CaptureSessions(JdbcClient jdbc, Photos photos, ConfirmedEnrollments confirmed, IdentityChecks identityChecks,
            Clock clock, @Value("${baokao.photo.capture.validity:10m}") Duration validity,
            @Value("${baokao.photo.capture.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.jdbc = jdbc;
        this.photos = photos;
        this.confirmed = confirmed;
        this.identityChecks = identityChecks;
        this.clock = clock;
        this.validity = validity;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    }

    /**
     * A new session; the candidate's earlier open sessions are closed, so only the newest QR code works. The link
     * opens the phone page under the candidate's bureau ({@code /sh/capture/TOKEN}, BUR-1): the page and its calls
     * belong to that bureau's address.
     */
    public Opened open(UUID candidateId, String bureau) {
        if (confirmed.isConfirmed(candidateId)) {
            throw Refusal.conflict("ENROLLMENT_CONFIRMED", "报名信息已确认，照片不能再更换");
        }
        identityChecks.refuseWhileLocked(candidateId);
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        CaptureSession session = new CaptureSession(UUID.randomUUID(), candidateId, CaptureSession.Status.OPEN, null,
                now, now.plus(validity), null);
        jdbc.sql("update capture_session set status = ? where candidate_id = ? and status = ?")
                .params(CaptureSession.Status.CLOSED.name(), candidateId, CaptureSession.Status.OPEN.name()).update();
        jdbc.sql("""
                insert into capture_session (id, candidate_id, token_hash, status, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(session.id(), candidateId, hash(token), session.status().name(), Timestamp.from(now),
                        Timestamp.from(session.expiresAt()))
                .update();
        // the phone page of the candidate UI (web: /{bureau}/capture/TOKEN), which calls the link API below
        String url = publicBaseUrl + "/" + bureau + "/capture/" + token;
        return new Opened(session, url, QrCodePng.of(url, 256));
    }

    /** The candidate's own session; another candidate's id is 404. */
    public CaptureSession own(UUID candidateId, UUID sessionId) {
        return find("id = ?", sessionId).filter(s -> s.candidateId().equals(candidateId))
                .orElseThrow(() -> Refusal.notFound("CAPTURE_SESSION_NOT_FOUND", "拍照会话不存在"));
    }

    /**
     * Long poll: answers as soon as the session is no longer waiting for the phone (uploaded, closed, expired) or
     * after {@code wait}. Polling the row (not an in-memory signal) works with any number of instances.
     */
    public CaptureSession await(UUID candidateId, UUID sessionId, Duration wait) throws InterruptedException {
        Instant deadline = clock.instant().plus(wait);
        CaptureSession session = own(candidateId, sessionId);
        while (session.linkState(clock.instant()) == CaptureSession.LinkState.USABLE && clock.instant().isBefore(deadline)) {
            Thread.sleep(POLL_STEP);
            session = own(candidateId, sessionId);
        }
        return session;
    }

    /** What the phone page shows before uploading; a spent or expired link is refused here already. */
    public CaptureSession usable(String token) {
        CaptureSession session = byToken(token);
        switch (session.linkState(clock.instant())) {
            case USED -> throw Refusal.conflict("CAPTURE_LINK_USED", "该拍照链接已使用，请在电脑上重新生成二维码");
            case REPLACED -> throw Refusal.conflict("CAPTURE_LINK_REPLACED", "该拍照链接已失效，请扫描电脑上最新的二维码");
            case EXPIRED -> throw Refusal.gone("CAPTURE_LINK_EXPIRED", "拍照链接已过期，请在电脑上重新生成二维码");
            case USABLE -> {
            }
        }
        return session;
    }

    /**
     * The phone's upload: the link is checked, the photo goes through the same checks as a desktop upload, and the
     * link is spent in the transaction that records the photo (a concurrent second use loses, storing no row). A
     * photo refused by the quality check leaves the link usable, so the candidate can simply take another.
     */
    public Photo upload(String token, byte[] content) {
        CaptureSession session = usable(token);
        return photos.upload(session.candidateId(), content, photo -> {
            int spent = jdbc.sql("""
                    update capture_session set status = ?, photo_id = ?, used_at = ?
                    where id = ? and status = ? and expires_at > ?""")
                    .params(CaptureSession.Status.UPLOADED.name(), photo.id(), Timestamp.from(clock.instant()),
                            session.id(), CaptureSession.Status.OPEN.name(), Timestamp.from(clock.instant()))
                    .update();
            if (spent != 1) {
                throw Refusal.conflict("CAPTURE_LINK_USED", "该拍照链接已使用，请在电脑上重新生成二维码");
            }
        });
    }

    private CaptureSession byToken(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            throw Refusal.notFound("CAPTURE_LINK_NOT_FOUND", "拍照链接无效");
        }
        return find("token_hash = ?", hash(token))
                .orElseThrow(() -> Refusal.notFound("CAPTURE_LINK_NOT_FOUND", "拍照链接无效"));
    }

    private Optional<CaptureSession> find(String where, Object key) {
        return jdbc.sql("select id, candidate_id, status, photo_id, created_at, expires_at, used_at from capture_session"
                + " where " + where).param(key).query(CaptureSessions::map).optional();
    }

    private static CaptureSession map(ResultSet rs, int row) throws SQLException {
        return new CaptureSession(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                CaptureSession.Status.valueOf(rs.getString(3)), rs.getObject(4, UUID.class),
                rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(),
                rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant());
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Opened(CaptureSession session, String captureUrl, byte[] qrPng) {
    }
}
