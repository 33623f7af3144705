package org.baokao.account.registration;

import org.baokao.domain.DomainModel;
import org.baokao.domain.Refusal;

/**
 * SST-1: a new candidate agrees to the bureau's 考生诚信承诺书 (我同意) before registering, and the agreement is to the
 * version they read: a version the bureau has since replaced is refused (409), so the candidate reads the current one
 * again instead of being recorded as agreeing to a text they never saw. A bureau that publishes no pledge asks for
 * none.
 */
@DomainModel
final class IntegrityPledgeConsent {

    static final String OUTDATED = "《考生诚信承诺书》已更新，请重新阅读最新的《考生诚信承诺书》并选择“我同意”后再提交注册";

    private IntegrityPledgeConsent() {
    }

    /**
     * The version to record as agreed to, or null when the bureau has no pledge.
     *
     * @param current the bureau's current version (null: it publishes none)
     * @param agreed  whether the candidate chose 我同意
     * @param read    the version the candidate was shown
     */
    static String agreedVersion(String current, Boolean agreed, String read) {
        if (current == null) {
            return null;
        }
        if (!Boolean.TRUE.equals(agreed)) {
            throw Refusal.invalid("PLEDGE_REQUIRED", "请仔细阅读《考生诚信承诺书》，并选择“我同意”");
        }
        if (read == null || !current.equals(read.strip())) {
            throw Refusal.conflict("PLEDGE_VERSION_OUTDATED", OUTDATED);
        }
        return current;
    }
}
