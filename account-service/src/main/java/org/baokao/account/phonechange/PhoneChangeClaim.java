package org.baokao.account.phonechange;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.baokao.domain.DomainModel;
import org.baokao.domain.Refusal;

/**
 * Who holds a phone-change request for now (OPS-3 claim-and-decide): the operator's subject, what colleagues read of
 * them and until when. A claim past {@code until} holds nobody, so a case is blocked at most the claim's duration.
 * The rules: only a PENDING request is claimed; nobody claims what another holds; only the holder of a live claim
 * releases or decides.
 */
@DomainModel
record PhoneChangeClaim(String subject, String holder, Instant until) {

    private static final DateTimeFormatter BEIJING_TIME = DateTimeFormatter.ofPattern("HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    boolean isLive(Instant now) {
        return now.isBefore(until);
    }

    /** The claim that holds the request now: {@code current} unless it lapsed. */
    static PhoneChangeClaim live(PhoneChangeClaim current, Instant now) {
        return current != null && current.isLive(now) ? current : null;
    }

    /**
     * A new claim (or the holder's renewal); 409 {@code PHONE_CHANGE_DECIDED} once decided, 409
     * {@code PHONE_CHANGE_CLAIMED} naming the holder when someone else holds it.
     */
    static PhoneChangeClaim take(PhoneChangeStatus status, PhoneChangeClaim current, String subject, String holder,
            Instant now, Duration hold) {
        status.to(PhoneChangeStatus.APPROVED); // only an open request: the refusal of a decided one
        PhoneChangeClaim live = live(current, now);
        if (live != null && !live.subject().equals(subject)) {
            throw live.heldByOther();
        }
        return new PhoneChangeClaim(subject, holder, now.plus(hold));
    }

    /** Whoever decides must hold a live claim: 409 {@code PHONE_CHANGE_CLAIM_REQUIRED} or {@code PHONE_CHANGE_CLAIMED}. */
    static void requireHeldBy(PhoneChangeClaim current, String subject, Instant now) {
        PhoneChangeClaim live = live(current, now);
        if (live == null) {
            throw Refusal.conflict("PHONE_CHANGE_CLAIM_REQUIRED", "请先领取该申请，再作出审核决定");
        }
        if (!live.subject().equals(subject)) {
            throw live.heldByOther();
        }
    }

    /** The holder gives it back; 409 {@code PHONE_CHANGE_NOT_CLAIMED} for anyone else. */
    static void requireReleasableBy(PhoneChangeClaim current, String subject, Instant now) {
        PhoneChangeClaim live = live(current, now);
        if (live == null || !live.subject().equals(subject)) {
            throw Refusal.conflict("PHONE_CHANGE_NOT_CLAIMED", "您未领取该申请，无需释放");
        }
    }

    Refusal heldByOther() {
        return Refusal.conflict("PHONE_CHANGE_CLAIMED", "该申请已由" + holder + "领取（" + BEIJING_TIME.format(until)
                + "前有效），请处理其他申请");
    }

    /** What colleagues read of an operator: the name and, when it differs, the login name. */
    static String holderOf(String name, String username) {
        return name == null || name.isBlank() || name.equals(username) ? username : name + "（" + username + "）";
    }
}
