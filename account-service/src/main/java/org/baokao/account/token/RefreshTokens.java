package org.baokao.account.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rotating refresh tokens. A login starts a family (the session); each refresh replaces the token with a
 * new one of the family. A replaced token presented again means two parties hold it: the family is revoked
 * and the candidate must log in again. Logout revokes the family. A session belongs to the account's bureau
 * (考试院, BUR-1): each refresh keeps it, and a refresh at another bureau's address finds nothing.
 */
@Component
public class RefreshTokens {

    /**
     * An answer that ended sessions names them in this header (comma-separated ids, the access tokens' {@code sid}):
     * the gateway refuses their access tokens from then on and takes the header off (issue 23 §5).
     */
    public static final String SESSION_ENDED_HEADER = "Baokao-Session-Ended";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TokenProperties properties;

    RefreshTokens(JdbcClient jdbc, Clock clock, TokenProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /** Starts a session for the candidate of {@code bureau}; the returned session id is the family id. */
    @Transactional
    public Issued startSession(UUID candidateId, String bureau) {
        return issue(candidateId, bureau, UUID.randomUUID());
    }

    /**
     * Exchanges a refresh token for the next one of its family, or refuses (and revokes on reuse). Presented at
     * another bureau's address than its own, the token is not there: 404, and nothing changes.
     */
    @Transactional(noRollbackFor = Refusal.class)
    public Issued rotate(String token, String addressedBureau) {
        Instant now = clock.instant();
        var presented = jdbc.sql("""
                select id, family_id, candidate_id, bureau_code, expires_at, replaced_at, revoked_at
                from refresh_token where token_hash = ? for update""")
                .param(hash(token))
                .query((row, n) -> new Presented(row.getObject("id", UUID.class),
                        row.getObject("family_id", UUID.class), row.getObject("candidate_id", UUID.class),
                        row.getString("bureau_code"),
                        row.getTimestamp("expires_at").toInstant(), row.getTimestamp("replaced_at") != null,
                        row.getTimestamp("revoked_at") != null))
                .optional()
                .orElseThrow(RefreshTokens::sessionEnded);
        if (!presented.bureau().equals(addressedBureau)) {
            throw Refusal.notFound("NOT_FOUND", "未找到相关信息");
        }
        if (presented.replaced() && !presented.revoked()) {
            revokeFamily(presented.familyId());
            throw sessionEnded();
        }
        if (presented.revoked() || !presented.expiresAt().isAfter(now)) {
            throw sessionEnded();
        }
        jdbc.sql("update refresh_token set replaced_at = ? where id = ?").params(Timestamp.from(now), presented.id())
                .update();
        return issue(presented.candidateId(), presented.bureau(), presented.familyId());
    }

    /**
     * Ends the session the token belongs to; an unknown token changes nothing. Returns the session's id (the access
     * tokens' {@code sid}), so the edge can refuse its access tokens at once (issue 23 §5); empty for an unknown token.
     */
    @Transactional
    public Optional<UUID> endSession(String token) {
        Optional<UUID> session = jdbc.sql("select family_id from refresh_token where token_hash = ?")
                .param(hash(token)).query(UUID.class).optional();
        session.ifPresent(this::revokeFamily);
        return session;
    }

    /**
     * The session of {@code token} if it has ended (logged out, a password changed, or revoked just now because a
     * replaced token came back: theft), for the edge to refuse its access tokens (issue 23 §5); empty for an unknown
     * token or a session still open.
     */
    public Optional<UUID> endedSessionOf(String token) {
        return jdbc.sql("select family_id from refresh_token where token_hash = ? and revoked_at is not null")
                .param(hash(token)).query(UUID.class).optional();
    }

    /**
     * Ends every session of a candidate, e.g. after a password change; returns the sessions it ended (those that were
     * still open), for the edge to refuse their access tokens (issue 23 §5).
     */
    @Transactional
    public List<UUID> endAllSessions(UUID candidateId) {
        return jdbc.sql("""
                update refresh_token set revoked_at = ? where candidate_id = ? and revoked_at is null
                returning family_id""")
                .params(Timestamp.from(clock.instant()), candidateId).query(UUID.class).list().stream()
                .distinct().toList();
    }

    private Issued issue(UUID candidateId, String bureau, UUID familyId) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        jdbc.sql("""
                insert into refresh_token (id, family_id, candidate_id, bureau_code, token_hash, issued_at,
                    expires_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), familyId, candidateId, bureau, hash(token), Timestamp.from(now),
                        Timestamp.from(now.plus(properties.refreshTokenValidFor())))
                .update();
        return new Issued(candidateId, bureau, familyId, token);
    }

    private void revokeFamily(UUID familyId) {
        jdbc.sql("update refresh_token set revoked_at = ? where family_id = ? and revoked_at is null")
                .params(Timestamp.from(clock.instant()), familyId).update();
    }

    private static Refusal sessionEnded() {
        return Refusal.unauthenticated("SESSION_ENDED", "登录已失效，请重新登录");
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Presented(UUID id, UUID familyId, UUID candidateId, String bureau, Instant expiresAt,
            boolean replaced, boolean revoked) {
    }

    /** A fresh refresh token of a session of the candidate of {@code bureau}. */
    public record Issued(UUID candidateId, String bureau, UUID sessionId, String token) {
    }
}
