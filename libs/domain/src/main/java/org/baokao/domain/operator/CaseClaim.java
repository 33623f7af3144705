package org.baokao.domain.operator;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

import org.baokao.domain.DomainModel;
import org.baokao.domain.Refusal;

/**
 * Claim-and-decide (OPS-3): who holds a case of a review desk for now — the operator's subject, what colleagues read of
 * them ({@link #holderOf}) and until when. A claim past {@code until} holds nobody: it lapses by itself, so a reviewer
 * who leaves for lunch blocks a case for at most the claim's duration. The rules, the same at every desk: nobody
 * claims what another holds (claiming one's own again renews it); only the holder of a live claim decides or releases.
 * The refusals name the desk's case in its own words and codes ({@link Desk}).
 */
@DomainModel
public record CaseClaim(String subject, String holder, Instant until) {

    private static final DateTimeFormatter BEIJING_TIME = DateTimeFormatter.ofPattern("HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    public CaseClaim {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(until, "until");
    }

    /**
     * A desk's words for its cases: codes {@code <codePrefix>_CLAIMED}, {@code _CLAIM_REQUIRED}, {@code _NOT_CLAIMED}
     * (e.g. {@code REVIEW}, {@code PHONE_CHANGE}) and the case's name in the messages (审核, 申请).
     */
    public record Desk(String codePrefix, String caseName) {
    }

    public boolean isLive(Instant now) {
        return now.isBefore(until);
    }

    /** The claim that holds the case now: {@code current} unless there is none or it lapsed. */
    public static CaseClaim live(CaseClaim current, Instant now) {
        return current != null && current.isLive(now) ? current : null;
    }

    /** A new claim (or the holder's renewal) for {@code hold}; 409 {@code <prefix>_CLAIMED} when another holds it. */
    public static CaseClaim take(CaseClaim current, String subject, String holder, Instant now, Duration hold,
            Desk desk) {
        CaseClaim live = live(current, now);
        if (live != null && !live.subject().equals(subject)) {
            throw live.heldByOther(desk);
        }
        return new CaseClaim(subject, holder, now.plus(hold));
    }

    /** Whoever decides must hold a live claim: 409 {@code <prefix>_CLAIM_REQUIRED} or {@code <prefix>_CLAIMED}. */
    public static void requireHeldBy(CaseClaim current, String subject, Instant now, Desk desk) {
        CaseClaim live = live(current, now);
        if (live == null) {
            throw Refusal.conflict(desk.codePrefix() + "_CLAIM_REQUIRED",
                    "请先领取该" + desk.caseName() + "，再作出审核决定");
        }
        if (!live.subject().equals(subject)) {
            throw live.heldByOther(desk);
        }
    }

    /** Only the holder gives the case back: 409 {@code <prefix>_NOT_CLAIMED} for anyone else. */
    public static void requireReleasableBy(CaseClaim current, String subject, Instant now, Desk desk) {
        CaseClaim live = live(current, now);
        if (live == null || !live.subject().equals(subject)) {
            throw Refusal.conflict(desk.codePrefix() + "_NOT_CLAIMED", "您未领取该" + desk.caseName() + "，无需释放");
        }
    }

    /** 409 {@code <prefix>_CLAIMED}: names who holds the case and until when (Beijing time), never the candidate. */
    public Refusal heldByOther(Desk desk) {
        return Refusal.conflict(desk.codePrefix() + "_CLAIMED", "该" + desk.caseName() + "已由" + holder + "领取（"
                + BEIJING_TIME.format(until) + "前有效），请处理其他" + desk.caseName());
    }

    /** What colleagues read of an operator: the name and, when it differs, the login name. */
    public static String holderOf(String name, String username) {
        return name == null || name.isBlank() || name.equals(username) ? username : name + "（" + username + "）";
    }
}
