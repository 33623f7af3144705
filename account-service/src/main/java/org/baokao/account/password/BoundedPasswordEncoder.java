package org.baokao.account.password;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

import org.baokao.domain.Refusal;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Lets only a few password hashes run at once, each on one of a few platform threads of its own
 * ({@code password-hashing-N}). Each Argon2id hash takes 19 MiB and a core for tens of milliseconds: on registration
 * day a thousand simultaneous logins would otherwise take 19 GiB and every core. Run on the request's own virtual
 * thread, a hash would also hold one of the few carrier threads all virtual threads share, and the cheap requests
 * (captchas, SMS codes) would wait behind it; on threads of their own the hashes share the cores with them as the
 * operating system schedules. The rest wait in line; one who waits too long gets a clear 503 instead of a hang.
 * Callers must not hold a database connection while they hash, or the line would drain the connection pool.
 */
final class BoundedPasswordEncoder implements PasswordEncoder {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final PasswordEncoder hashing;
    private final ExecutorService hashers;
    private final Duration patience;
    private final LongAdder cpuNanos = new LongAdder();

    BoundedPasswordEncoder(PasswordEncoder hashing, int concurrency, Duration patience) {
        this.hashing = hashing;
        this.hashers = Executors.newFixedThreadPool(concurrency,
                Thread.ofPlatform().name("password-hashing-", 1).daemon(true).factory());
        this.patience = patience;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return inLine(() -> hashing.encode(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return inLine(() -> hashing.matches(rawPassword, encodedPassword));
    }

    /**
     * CPU time the hashes took so far, in seconds (metric {@code baokao.password.hashing.cpu}): next to the machine's
     * CPU it says what share of it logins spend hashing, however fast the machine happens to be.
     */
    double cpuSeconds() {
        return cpuNanos.sum() / 1e9;
    }

    private <T> T inLine(Callable<T> hash) {
        Future<T> result = hashers.submit(() -> {
            long started = THREADS.getCurrentThreadCpuTime();
            try {
                return hash.call();
            } finally {
                cpuNanos.add(THREADS.getCurrentThreadCpuTime() - started);
            }
        });
        try {
            return result.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(false); // still waiting in line: it never runs
            throw busy();
        } catch (InterruptedException e) {
            result.cancel(false);
            Thread.currentThread().interrupt();
            throw busy();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("password hashing failed", e.getCause());
        }
    }

    private static Refusal busy() {
        return Refusal.unavailable("SYSTEM_BUSY", "当前访问人数较多，请稍后再试");
    }
}
