package org.baokao.photo.review;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.baokao.domain.DomainModel;
import org.baokao.domain.Refusal;

/**
 * Who holds a review for now (OPS-3 claim-and-decide): the operator's subject, what colleagues read of them (name and
 * login name) and until when. A claim past {@code until} holds nobody: it lapses by itself, so a reviewer who leaves
 * for lunch blocks a case for at most the claim's duration.
 */
@DomainModel
record ReviewClaim(String subject, String holder, Instant until) {

    private static final DateTimeFormatter BEIJING_TIME = DateTimeFormatter.ofPattern("HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    boolean isLive(Instant now) {
        return now.isBefore(until);
    }

    boolean heldBy(String operatorSubject, Instant now) {
        return isLive(now) && subject.equals(operatorSubject);
    }

    /** 409 {@code REVIEW_CLAIMED}: names who holds the case and until when (Beijing time), never the candidate. */
    Refusal heldByOther() {
        return Refusal.conflict("REVIEW_CLAIMED", "该审核已由" + holder + "领取（" + BEIJING_TIME.format(until)
                + "前有效），请处理其他审核");
    }

    /** What colleagues read of an operator: the name and, when it differs, the login name. */
    static String holderOf(String name, String username) {
        return name == null || name.isBlank() || name.equals(username) ? username : name + "（" + username + "）";
    }
}
