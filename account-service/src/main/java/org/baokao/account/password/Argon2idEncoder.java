package org.baokao.account.password;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id in the standard encoded form ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}, the same as Spring
 * Security's Argon2PasswordEncoder, so either verifies the other's hashes), but reusing each hash's 19 MiB of
 * working memory: allocating it afresh for every login filled the old generation and had the JVM spend a quarter
 * of its time in full collections under load. One memory per concurrent hash; {@link BoundedPasswordEncoder}
 * caps how many run at once, and so how many memories ever exist. A stored hash made with other parameters
 * still verifies, with its own parameters and fresh memory.
 */
final class Argon2idEncoder implements PasswordEncoder {

    private static final Pattern ENCODED = Pattern.compile(
            "\\$argon2id\\$v=(\\d+)\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getDecoder();

    private final int saltBytes;
    private final int hashBytes;
    private final int parallelism;
    private final int memoryKib;
    private final int iterations;
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentLinkedQueue<Argon2BytesGenerator.BlockPool> memories = new ConcurrentLinkedQueue<>();

    Argon2idEncoder(int saltBytes, int hashBytes, int parallelism, int memoryKib, int iterations) {
        this.saltBytes = saltBytes;
        this.hashBytes = hashBytes;
        this.parallelism = parallelism;
        this.memoryKib = memoryKib;
        this.iterations = iterations;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        byte[] salt = new byte[saltBytes];
        random.nextBytes(salt);
        byte[] hash = hash(rawPassword, salt, memoryKib, iterations, parallelism, hashBytes);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$" + B64.encodeToString(salt)
                + "$" + B64.encodeToString(hash);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return false;
        }
        Matcher stored = ENCODED.matcher(encodedPassword);
        if (!stored.matches() || !stored.group(1).equals("19")) {
            return false;
        }
        byte[] salt = B64_DECODE.decode(stored.group(5));
        byte[] expected = B64_DECODE.decode(stored.group(6));
        byte[] actual = hash(rawPassword, salt, Integer.parseInt(stored.group(2)), Integer.parseInt(stored.group(3)),
                Integer.parseInt(stored.group(4)), expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    private byte[] hash(CharSequence rawPassword, byte[] salt, int memory, int passes, int lanes, int length) {
        boolean current = memory == memoryKib && lanes == parallelism;
        Argon2BytesGenerator.BlockPool pool = current ? takeMemory() : null;
        try {
            Argon2Parameters.Builder parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withSalt(salt).withMemoryAsKB(memory).withIterations(passes).withParallelism(lanes);
            if (pool != null) {
                parameters.withBlockPool(pool);
            }
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(parameters.build());
            byte[] hash = new byte[length];
            generator.generateBytes(rawPassword.toString().getBytes(StandardCharsets.UTF_8), hash);
            return hash;
        } finally {
            if (pool != null) {
                memories.offer(pool);
            }
        }
    }

    private Argon2BytesGenerator.BlockPool takeMemory() {
        Argon2BytesGenerator.BlockPool pool = memories.poll();
        // Argon2 rounds the memory down to a multiple of 4 blocks per lane; a pool that keeps them all
        return pool != null ? pool : new Argon2BytesGenerator.FixedBlockPool(memoryKib);
    }
}
