package org.baokao.enrollment.partnerapi;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import org.baokao.domain.DomainModel;
import org.baokao.domain.Refusal;

/**
 * Where a partner's walk through an exam's enrollments stands (API-1): after the row with sort key
 * ({@code xid}, {@code id}) — the inserting transaction's id and the enrollment id — of exam {@code examCode}, and the
 * walk's {@code horizon}: the first transaction id that had not yet begun when the walk's first page was read
 * (every enrollment committed before the walk began was inserted by a transaction below it), or 0 for a cursor that
 * resumes a finished walk, whose horizon is the moment it is used. See {@link PartnerEnrollmentPages} for the
 * guarantee these give.
 *
 * <p>Opaque to partners: base64url of {@code 1|xid|id|horizon|examCode}. A cursor that does not decode to exactly
 * that shape, or names another exam, is 400 {@code INVALID_CURSOR}. It is checked, not signed: editing a well-formed
 * one only moves the walk within data the partner may read anyway.
 */
@DomainModel
public record EnrollmentCursor(String examCode, long xid, UUID id, long horizon) {

    /** Before every row: transaction ids start above 0 and the id breaks ties only among equal ids. */
    private static final UUID LOWEST = new UUID(0, 0);
    private static final String VERSION = "1";
    private static final Pattern DIGITS = Pattern.compile("\\d{1,19}");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int MAX_LENGTH = 400;

    public EnrollmentCursor {
        Objects.requireNonNull(examCode, "examCode");
        Objects.requireNonNull(id, "id");
        if (xid < 0 || horizon < 0) {
            throw new IllegalArgumentException("transaction ids are not negative");
        }
    }

    /** The start of a walk whose horizon is {@code horizon}. */
    public static EnrollmentCursor start(String examCode, long horizon) {
        return new EnrollmentCursor(examCode, 0, LOWEST, horizon);
    }

    /** The same walk, after the row ({@code xid}, {@code id}). */
    public EnrollmentCursor after(long rowXid, UUID rowId) {
        return new EnrollmentCursor(examCode, rowXid, rowId, horizon);
    }

    /** A cursor to come back with later: the same place, its horizon taken when it is used. */
    public EnrollmentCursor resumable() {
        return new EnrollmentCursor(examCode, xid, id, 0);
    }

    public boolean hasHorizon() {
        return horizon > 0;
    }

    public EnrollmentCursor withHorizon(long newHorizon) {
        return new EnrollmentCursor(examCode, xid, id, newHorizon);
    }

    public String encode() {
        String text = String.join("|", VERSION, Long.toString(xid), id.toString(), Long.toString(horizon), examCode);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a partner sent for {@code examCode}'s list; 400 {@code INVALID_CURSOR} for anything else. */
    public static EnrollmentCursor decode(String encoded, String examCode) {
        if (encoded == null || encoded.isBlank() || encoded.length() > MAX_LENGTH) {
            throw invalid();
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(encoded.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw invalid();
        }
        String[] parts = text.split("\\|", 5);
        if (parts.length != 5 || !parts[0].equals(VERSION) || !DIGITS.matcher(parts[1]).matches()
                || !UUID_TEXT.matcher(parts[2]).matches() || !DIGITS.matcher(parts[3]).matches()
                || !parts[4].equals(examCode)) {
            throw invalid();
        }
        try {
            return new EnrollmentCursor(examCode, Long.parseLong(parts[1]), UUID.fromString(parts[2]),
                    Long.parseLong(parts[3]));
        } catch (IllegalArgumentException outOfRange) {
            throw invalid();
        }
    }

    private static Refusal invalid() {
        return Refusal.invalid("INVALID_CURSOR", "分页游标 cursor 无效，请使用上一页返回的 nextCursor，或不带 cursor 从第一页开始");
    }
}
