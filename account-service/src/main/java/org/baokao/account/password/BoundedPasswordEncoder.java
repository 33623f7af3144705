package org.baokao.account.password;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.baokao.web.problem.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Lets only a few password hashes run at once. Each Argon2id hash takes 19 MiB and a core for tens of
 * milliseconds: on registration day, a thousand simultaneous logins on virtual threads would otherwise take
 * 19 GiB and every core, starving the cheap requests (captchas, SMS codes) behind them. The rest wait in line;
 * one who waits too long gets a clear 503 instead of a hang. Callers must not hold a database connection while
 * they hash, or the line would drain the connection pool.
 */
final class BoundedPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder hashing;
    private final Semaphore permits;
    private final Duration patience;

    BoundedPasswordEncoder(PasswordEncoder hashing, int concurrency, Duration patience) {
        this.hashing = hashing;
        this.permits = new Semaphore(concurrency, true);
        this.patience = patience;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        acquire();
        try {
            return hashing.encode(rawPassword);
        } finally {
            permits.release();
        }
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        acquire();
        try {
            return hashing.matches(rawPassword, encodedPassword);
        } finally {
            permits.release();
        }
    }

    private void acquire() {
        try {
            if (!permits.tryAcquire(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                throw busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
    }

    private static ApiProblem busy() {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "SYSTEM_BUSY", "当前访问人数较多，请稍后再试");
    }
}
