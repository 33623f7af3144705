package org.baokao.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import org.yaml.snakeyaml.Yaml;

/**
 * The work no platform can avoid per journey (issue 23 §1): the journey's two Argon2id operations (registration
 * hashes the password, login verifies it) and its one photo quality check (the upload), each done raw, back to back
 * on one thread per core in this JVM with nothing else running, by the services' own code as the stack runs it
 * ({@link DeployedCode}): account-service's {@code PasswordHashing.encoder()} (its configured parameters are
 * constants there) and photo-service's {@code PhotoQualityCheck} with the {@code baokao.photo} rules of its
 * {@code application.yml}, on the portraits the journeys upload. Each is measured as this process's CPU seconds per
 * operation (OpenCV may work on threads of its own, which a thread's CPU clock would miss); the ceiling is
 * cores ÷ their sum: journeys/s if everything else cost nothing.
 */
final class CeilingRounds implements AutoCloseable {

    /** CPU seconds per operation of one round. */
    record Round(double encode, double verify, double photoCheck) {

        /** A Shandong journey's: registration hashes, login verifies, one photo check. */
        double perJourney() {
            return encode + verify + photoCheck;
        }

        /**
         * A journey of the mix: a Shanghai journey ({@code shanghaiShare} of them) is logged in by its registration,
         * so it has no verification.
         */
        double perJourney(double shanghaiShare) {
            return encode + (1 - shanghaiShare) * verify + photoCheck;
        }
    }

    private static final String PASSWORD = "Bench@2026x";

    private final int threads;
    private final long millis;
    private final DeployedCode account = DeployedCode.of("account-service");
    private final DeployedCode photo = DeployedCode.of("photo-service");
    private final Object encoder;
    private final Method encode;
    private final Method matches;
    private final Object qualityCheck;
    private final Method check;
    private final List<byte[]> portraits;
    private final String hash;

    CeilingRounds(int threads, long millis, List<byte[]> portraits) {
        this.threads = threads;
        this.millis = millis;
        this.portraits = portraits;
        try {
            Class<?> passwordEncoder = account.type("org.springframework.security.crypto.password.PasswordEncoder");
            encoder = account.type("org.baokao.account.password.PasswordHashing").getMethod("encoder").invoke(null);
            encode = passwordEncoder.getMethod("encode", CharSequence.class);
            matches = passwordEncoder.getMethod("matches", CharSequence.class, String.class);
            hash = (String) encode.invoke(encoder, PASSWORD);

            Class<?> requirements = photo.type("org.baokao.photo.requirements.PhotoRequirements");
            Object detector = photo.type("org.baokao.photo.quality.OpenCvFaceDetector").getConstructor(int.class)
                    .newInstance(threads);
            Class<?> qualityType = photo.type("org.baokao.photo.quality.PhotoQualityCheck");
            qualityCheck = qualityType.getConstructor(requirements, photo.type("org.baokao.photo.quality.FaceDetector"))
                    .newInstance(configured(requirements), detector);
            check = qualityType.getMethod("check", byte[].class);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the services' code changed: " + e, e);
        }
        // fail fast: a portrait the service would refuse measures nothing the journeys do
        call(check, qualityCheck, portraits.get(0));
        if (!(Boolean) call(matches, encoder, PASSWORD, hash)) {
            throw new IllegalStateException("the hash does not verify");
        }
    }

    /** One round of each; {@code warmUp} first runs each unmeasured for the JIT. */
    Round measure(boolean warmUp) throws InterruptedException {
        if (warmUp) {
            cpuSecondsPerOp(i -> call(encode, encoder, PASSWORD));
            cpuSecondsPerOp(i -> call(matches, encoder, PASSWORD, hash));
            cpuSecondsPerOp(i -> call(check, qualityCheck, portraits.get(i % portraits.size())));
        }
        return new Round(cpuSecondsPerOp(i -> call(encode, encoder, PASSWORD)),
                cpuSecondsPerOp(i -> call(matches, encoder, PASSWORD, hash)),
                cpuSecondsPerOp(i -> call(check, qualityCheck, portraits.get(i % portraits.size()))));
    }

    /** The operation back to back on every thread for the round's time; this process's CPU seconds per operation. */
    private double cpuSecondsPerOp(java.util.function.IntConsumer operation) throws InterruptedException {
        LongAdder done = new LongAdder();
        long until = System.nanoTime() + millis * 1_000_000;
        double cpuBefore = processCpuSeconds();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            workers.add(Thread.ofPlatform().start(() -> {
                for (int i = first; System.nanoTime() < until; i += threads) {
                    operation.accept(i);
                    done.increment();
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return (processCpuSeconds() - cpuBefore) / done.sum();
    }

    /** photo-service's {@code baokao.photo} rules as its packaged application.yml sets them. */
    private Object configured(Class<?> requirements) throws ReflectiveOperationException {
        Map<String, Object> rules = null;
        try (InputStream yml = photo.resource("application.yml")) {
            for (Object document : new Yaml().loadAll(yml)) {
                Object found = path(document, "baokao", "photo");
                if (found instanceof Map<?, ?> map && map.containsKey("min-bytes")) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> typed = (Map<String, Object>) map;
                    rules = typed;
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (rules == null) {
            throw new IllegalStateException("photo-service's application.yml sets no baokao.photo rules");
        }
        RecordComponent[] components = requirements.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            String key = components[i].getName().replaceAll("([A-Z])", "-$1").toLowerCase();
            Object value = rules.get(key);
            if (!(value instanceof Number number)) {
                throw new IllegalStateException("baokao.photo." + key + " is not set in photo-service's application.yml");
            }
            types[i] = components[i].getType();
            values[i] = types[i] == long.class ? (Object) number.longValue()
                    : types[i] == int.class ? (Object) number.intValue() : (Object) number.doubleValue();
        }
        return requirements.getDeclaredConstructor(types).newInstance(values);
    }

    private static Object path(Object node, String... keys) {
        for (String key : keys) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(key);
        }
        return node;
    }

    private static Object call(Method method, Object target, Object... args) {
        try {
            return method.invoke(target, args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(method + " failed: " + e.getCause(), e);
        }
    }

    private static double processCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    @Override
    public void close() {
        account.close();
        photo.close();
    }
}
