package org.baokao.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** GW-1: which bucket each request takes a token from, without Spring or Redis. */
class LimitPolicyTest {

    private static final Rate ADDRESS = Rate.perMinute(600);
    private static final Rate CAPTCHA = Rate.perMinute(60);
    private static final Rate SMS = Rate.perMinute(20);
    private static final Rate LOGIN = Rate.perMinute(30);
    private static final Rate CANDIDATE = Rate.perMinute(1200);
    private static final Rate OPERATOR = new Rate(5000, Duration.ofMinutes(1));

    private final LimitPolicy policy = new LimitPolicy(
            new LimitPolicy.Settings(ADDRESS, CAPTCHA, SMS, LOGIN, CANDIDATE, OPERATOR, 60));

    private static final Caller CANDIDATE_7 = new Caller.Candidate("c-7");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "/", "/sd/", "/console/orders", "/assets/index-abc.js", "/actuator/health",
            "/actuator/prometheus", "/console-settings.json", "/apis", "/api", "/open-api" })
    void pagesFilesAndTheActuatorAreNeverLimited(String path) {
        assertThat(policy.limitFor(new Call(path, "203.0.113.7", Caller.ANONYMOUS))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "/api/payments/notify/unionpay", "/api/payments/notify/alipay/extra",
            "/api/payments/notify" })
    void bankCallbacksAreNeverLimited(String path) {
        assertThat(policy.limitFor(new Call(path, "203.0.113.7", Caller.ANONYMOUS))).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/api/accounts/public/captchas,                    CAPTCHA",
            "/api/accounts/public/captchas/,                   CAPTCHA",
            "/api/accounts/public/sms-codes/registration,      SMS_CODE",
            "/api/accounts/public/sms-codes/login,             SMS_CODE",
            "/api/accounts/public/sms-codes/password-reset,    SMS_CODE",
            "/api/accounts/public/email-codes/password-reset,  SMS_CODE",
            "/api/accounts/public/phone-change/code,           SMS_CODE",
            "/api/accounts/me/phone-verification/code,         SMS_CODE",
            "/api/accounts/me/phone-change/code,               SMS_CODE",
            "/api/accounts/public/logins,                      LOGIN",
            "/api/accounts/public/password-resets,             LOGIN",
            "/api/accounts/public/password-resets/lookup,      LOGIN",
            "/api/accounts/public/phone-change-requests/lookup, LOGIN",
            "/api/accounts/public/registrations,               ADDRESS",
            "/api/accounts/public/captchasx,                   ADDRESS",
            "/api/enrollments/public/exams,                    ADDRESS",
            "/api/payments/public/channels,                    ADDRESS",
            "/api/photos/public/capture/abc,                   ADDRESS",
            "/api/nothing-here,                                ADDRESS" })
    void anonymousCallsArePerAddressTheStrictOnesInTheirOwnBuckets(String path, LimitClass expected) {
        Limit limit = policy.limitFor(new Call(path, "203.0.113.7", Caller.ANONYMOUS)).orElseThrow();

        assertThat(limit.limitClass()).isEqualTo(expected);
        assertThat(limit.subject()).isEqualTo("203.0.113.7");
    }

    @Test
    void eachStrictBucketHasItsOwnRate() {
        assertThat(rateOf("/api/accounts/public/captchas")).isEqualTo(CAPTCHA);
        assertThat(rateOf("/api/accounts/public/sms-codes/login")).isEqualTo(SMS);
        assertThat(rateOf("/api/accounts/public/logins")).isEqualTo(LOGIN);
        assertThat(rateOf("/api/enrollments/public/exams")).isEqualTo(ADDRESS);
    }

    @Test
    void aCandidatesOwnApiIsPerCandidateWhateverTheAddress() {
        Limit fromHome = policy.limitFor(new Call("/api/enrollments/mine", "203.0.113.7", CANDIDATE_7)).orElseThrow();
        Limit fromSchool = policy.limitFor(new Call("/api/enrollments/e-1/steps/2", "198.51.100.1", CANDIDATE_7))
                .orElseThrow();

        assertThat(fromHome).isEqualTo(new Limit(LimitClass.CANDIDATE, "c-7", CANDIDATE));
        assertThat(fromSchool.bucketKey()).isEqualTo(fromHome.bucketKey());
    }

    @Test
    void aCandidateAskingForACodeOrLoggingInIsStillCountedByAddress() {
        Limit code = policy.limitFor(new Call("/api/accounts/me/phone-verification/code", "203.0.113.7",
                CANDIDATE_7)).orElseThrow();

        assertThat(code).isEqualTo(new Limit(LimitClass.SMS_CODE, "203.0.113.7", SMS));
    }

    @Test
    void operatorsHaveTheirOwnGenerousBucketEvenOnStrictPaths() {
        Caller operator = new Caller.Operator("op-1");

        assertThat(policy.limitFor(new Call("/api/accounts/operations/audit", "203.0.113.7", operator)))
                .contains(new Limit(LimitClass.OPERATOR, "op-1", OPERATOR));
        assertThat(policy.limitFor(new Call("/api/accounts/public/captchas", "203.0.113.7", operator)))
                .contains(new Limit(LimitClass.OPERATOR, "op-1", OPERATOR));
    }

    @Test
    void aPartnerHasTheQuotaItsTokenCarries() {
        Optional<Limit> limit = policy.limitFor(new Call("/open-api/v1/enrollments/status", "203.0.113.7",
                new Caller.Partner("partner-zj", 30)));

        assertThat(limit).contains(new Limit(LimitClass.PARTNER, "partner-zj", Rate.perMinute(30)));
    }

    @Test
    void aPartnerWhoseTokenNamesNoQuotaGetsTheDefault() {
        assertThat(policy.limitFor(new Call("/open-api/v1/exams", "203.0.113.7", new Caller.Partner("p", null))))
                .contains(new Limit(LimitClass.PARTNER, "p", Rate.perMinute(60)));
        assertThat(policy.limitFor(new Call("/open-api/v1/exams", "203.0.113.7", new Caller.Partner("p", 0))))
                .contains(new Limit(LimitClass.PARTNER, "p", Rate.perMinute(60)));
    }

    @Test
    void aChangedQuotaOrLimitIsANewBucket() {
        Limit before = new Limit(LimitClass.PARTNER, "partner-zj", Rate.perMinute(30));
        Limit after = new Limit(LimitClass.PARTNER, "partner-zj", Rate.perMinute(60));

        assertThat(before.bucketKey()).isEqualTo("baokao:rate-limit:partner:30/60000ms:partner-zj")
                .isNotEqualTo(after.bucketKey());
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64() {
        Limit one = anonymousCaptchaFrom("2001:db8:1:2:aaaa::1");
        Limit other = anonymousCaptchaFrom("2001:0db8:0001:0002:ffff:ffff:ffff:ffff");
        Limit neighbour = anonymousCaptchaFrom("2001:db8:1:3::1");

        assertThat(one.subject()).isEqualTo("2001:db8:1:2::/64");
        assertThat(other.bucketKey()).isEqualTo(one.bucketKey());
        assertThat(neighbour.bucketKey()).isNotEqualTo(one.bucketKey());
    }

    @Test
    void anIpv4MappedAddressIsItsIpv4() {
        assertThat(anonymousCaptchaFrom("::ffff:203.0.113.7").subject()).isEqualTo("203.0.113.7");
    }

    @Test
    void anUnknownAddressSharesOneBucket() {
        assertThat(anonymousCaptchaFrom(null).subject()).isEqualTo("unknown");
    }

    private Limit anonymousCaptchaFrom(String address) {
        return policy.limitFor(new Call("/api/accounts/public/captchas", address, Caller.ANONYMOUS)).orElseThrow();
    }

    private Rate rateOf(String path) {
        return policy.limitFor(new Call(path, "203.0.113.7", Caller.ANONYMOUS)).orElseThrow().rate();
    }
}
