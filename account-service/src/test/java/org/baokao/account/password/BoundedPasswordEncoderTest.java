package org.baokao.account.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.baokao.domain.Refusal;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Password hashing under a crowd: bounded in memory and CPU, and a clear 503 for whoever waits too long. */
class BoundedPasswordEncoderTest {

    @Test
    void noMoreHashesRunAtOnceThanAllowed() throws InterruptedException {
        SlowHashing slow = new SlowHashing();
        PasswordEncoder bounded = new BoundedPasswordEncoder(slow, 2, Duration.ofSeconds(10));
        List<Thread> crowd = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            crowd.add(Thread.ofVirtual().start(() -> bounded.matches("Secret@2026", "hash")));
        }
        for (Thread candidate : crowd) {
            candidate.join();
        }
        assertThat(slow.calls.get()).isEqualTo(12);
        assertThat(slow.mostAtOnce.get()).isEqualTo(2);
    }

    @Test
    void hashesRunOnTheirOwnPlatformThreadsNotOnTheCallersVirtualThread() throws InterruptedException {
        java.util.concurrent.atomic.AtomicReference<Thread> ranOn = new java.util.concurrent.atomic.AtomicReference<>();
        PasswordEncoder bounded = new BoundedPasswordEncoder(new SlowHashing() {
            @Override
            public String encode(CharSequence raw) {
                ranOn.set(Thread.currentThread());
                return "slow-hash";
            }
        }, 2, Duration.ofSeconds(10));

        Thread.ofVirtual().start(() -> bounded.encode("Secret@2026")).join();

        assertThat(ranOn.get().isVirtual()).isFalse();
        assertThat(ranOn.get().getName()).startsWith("password-hashing-");
    }

    @Test
    void theCpuTimeOfTheHashesIsCounted() {
        BoundedPasswordEncoder bounded = new BoundedPasswordEncoder(PasswordHashing.encoder(), 1, Duration.ofSeconds(10));

        String hash = bounded.encode("Secret@2026");
        assertThat(bounded.matches("Secret@2026", hash)).isTrue();

        // two Argon2id hashes of 19 MiB, 2 passes: milliseconds of CPU each on any machine
        assertThat(bounded.cpuSeconds()).isBetween(0.002, 10.0);
    }

    @Test
    void whoWaitsTooLongIsToldTheSystemIsBusy() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch hashing = new CountDownLatch(1);
        PasswordEncoder blocking = new SlowHashing() {
            @Override
            public boolean matches(CharSequence raw, String encoded) {
                hashing.countDown();
                await(release);
                return true;
            }
        };
        PasswordEncoder bounded = new BoundedPasswordEncoder(blocking, 1, Duration.ofMillis(100));
        Thread first = Thread.ofVirtual().start(() -> bounded.matches("Secret@2026", "hash"));
        assertThat(hashing.await(5, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> bounded.encode("Secret@2026"))
                .isInstanceOfSatisfying(Refusal.class, problem -> {
                    assertThat(problem.code()).isEqualTo("SYSTEM_BUSY");
                    assertThat(problem.getMessage()).contains("请稍后再试");
                });

        release.countDown();
        first.join();
        assertThat(bounded.encode("Secret@2026")).isEqualTo("slow-hash");
    }

    private static class SlowHashing implements PasswordEncoder {

        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();

        @Override
        public String encode(CharSequence rawPassword) {
            return "slow-hash";
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            calls.incrementAndGet();
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return true;
        }

        static void await(CountDownLatch latch) {
            try {
                latch.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
