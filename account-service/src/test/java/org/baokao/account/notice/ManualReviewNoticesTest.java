package org.baokao.account.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.baokao.account.account.Accounts;
import org.baokao.account.support.DemoBureaus;
import org.baokao.account.support.TestAccounts;
import org.baokao.events.notification.SmsRequested;
import org.baokao.events.photo.ManualReviewDecided;
import org.baokao.testkit.KafkaEvents;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/** PHO-5: a decided manual review reaches the candidate's phone as one SMS request, even if delivered twice. */
@ServiceTest
class ManualReviewNoticesTest {

    private static final KafkaEvents EVENTS = KafkaEvents.ofTestServers();

    @Autowired
    Accounts accounts;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void pho5_aRejectionIsTextedWithItsReasonOnceAndAnApprovalSaysPassed() {
        var rejectedCandidate = TestAccounts.create(accounts, encoder, false);
        var approvedCandidate = TestAccounts.create(accounts, encoder, DemoBureaus.SH, TestAccounts.randomIdNumber(),
                false);
        UUID rejectedReview = UUID.randomUUID();
        ManualReviewDecided rejection = new ManualReviewDecided(rejectedReview, rejectedCandidate.id(), false,
                "手持身份证照片不清晰", Instant.now());
        UUID eventId = UUID.randomUUID();
        EVENTS.publish(eventId, rejection, Instant.now(), rejectedCandidate.id().toString());
        EVENTS.publish(eventId, rejection, Instant.now(), rejectedCandidate.id().toString());
        EVENTS.publish(new ManualReviewDecided(UUID.randomUUID(), approvedCandidate.id(), true, "", Instant.now()));

        var rejectedSms = EVENTS.matching(SmsRequested.class,
                sms -> rejectedCandidate.id().equals(sms.candidateId()), 1);
        var approvedSms = EVENTS.matching(SmsRequested.class,
                sms -> approvedCandidate.id().equals(sms.candidateId()), 1);

        assertThat(rejectedSms).singleElement().satisfies(sms -> {
            assertThat(sms.phone()).isEqualTo(rejectedCandidate.phone());
            assertThat(sms.template()).isEqualTo(ManualReviewNotices.TEMPLATE);
            assertThat(sms.params().get("result")).isEqualTo("未通过，原因：手持身份证照片不清晰");
            assertThat(sms.requestId()).isEqualTo(ManualReviewNotices.smsRequestId(rejectedReview));
            assertThat(sms.bureau()).as("BUR-1: the account's bureau signs it").isEqualTo("sd");
        });
        assertThat(approvedSms).singleElement().satisfies(sms -> {
            assertThat(sms.params().get("result")).isEqualTo("通过");
            assertThat(sms.bureau()).isEqualTo("sh");
        });
    }
}
