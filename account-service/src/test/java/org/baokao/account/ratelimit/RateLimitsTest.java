package org.baokao.account.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.baokao.domain.Refusal;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Limits are checked and counted in one statement: simultaneous requests cannot slip through together. */
@ServiceTest
class RateLimitsTest {

    @Autowired
    RateLimits limits;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void ofTenSimultaneousRequestsUnderAOneMinuteCooldownExactlyOnePasses() throws Exception {
        Limit limit = new Limit("TEST_COOLDOWN", Duration.ofSeconds(60), 100);
        String subject = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            outcomes.add(pool.submit(() -> {
                start.await();
                try {
                    transactions.executeWithoutResult(s -> limits.acquire(limit, subject, "测试"));
                    return true;
                } catch (Refusal refused) {
                    return false;
                }
            }));
        }
        start.countDown();
        int passed = 0;
        for (Future<Boolean> outcome : outcomes) {
            passed += outcome.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(passed).isEqualTo(1);
    }

    @Test
    void aDailyCapCountsEveryPassedRequest() {
        Limit limit = new Limit("TEST_CAP", Duration.ZERO, 3);
        String subject = UUID.randomUUID().toString();
        int passed = 0;
        for (int i = 0; i < 5; i++) {
            try {
                limits.acquire(limit, subject, "测试");
                passed++;
            } catch (Refusal refused) {
                assertThat(refused.code()).isEqualTo("DAILY_LIMIT_REACHED");
            }
        }
        assertThat(passed).isEqualTo(3);
    }
}
