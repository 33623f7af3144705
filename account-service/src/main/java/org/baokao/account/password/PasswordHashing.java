package org.baokao.account.password;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Argon2id with OWASP's current minimum (Password Storage Cheat Sheet): 19 MiB of memory, 2 iterations,
 * parallelism 1; 16-byte salt, 32-byte hash. Spring's own defaults use 16 MiB, below that minimum. At most
 * {@code baokao.account.password.hashing-concurrency} hashes (default: one per core) run at once.
 */
@Configuration(proxyBeanMethods = false)
public class PasswordHashing {

    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;
    static final int PARALLELISM = 1;
    static final int MEMORY_KIB = 19 * 1024;
    static final int ITERATIONS = 2;

    @Bean
    PasswordEncoder passwordEncoder(
            @Value("${baokao.account.password.hashing-concurrency:0}") int concurrency,
            @Value("${baokao.account.password.hashing-patience:10s}") Duration patience, MeterRegistry meters) {
        int permits = concurrency > 0 ? concurrency : Runtime.getRuntime().availableProcessors();
        BoundedPasswordEncoder bounded = new BoundedPasswordEncoder(encoder(), permits, patience);
        FunctionCounter.builder("baokao.password.hashing.cpu", bounded, BoundedPasswordEncoder::cpuSeconds)
                .baseUnit("seconds").description("CPU time spent hashing passwords").register(meters);
        return bounded;
    }

    /** The encoder with these parameters; public so the login benchmark measures exactly what logins pay. */
    public static PasswordEncoder encoder() {
        return new Argon2idEncoder(SALT_BYTES, HASH_BYTES, PARALLELISM, MEMORY_KIB, ITERATIONS);
    }
}
