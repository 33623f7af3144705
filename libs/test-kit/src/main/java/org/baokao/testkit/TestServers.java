package org.baokao.testkit;

/**
 * The real servers of a test JVM, each started on first use and stopped when the JVM exits.
 * Sharing them across test classes keeps a module's test run to one start of each.
 * PostgreSQL, Kafka and S3 are embedded by default, or Docker containers when {@link TestServerMode} says so
 * ({@code -Dbaokao.test-servers=containers|auto}); either way the addresses and credentials below are what a test
 * uses. The issuer, sandbox, SMTP and Redis servers are the same in both modes.
 */
public final class TestServers {

    private static TestServerMode mode;
    private static RunningServer postgres;
    private static RunningServer kafka;
    private static RunningServer s3;
    private static TestSandbox sandbox;
    private static TestSmtp smtp;
    private static TestIssuer issuer;
    private static TestRedis redis;

    private TestServers() {
    }

    /** The mode this JVM's PostgreSQL, Kafka and S3 run in, decided once on first use. */
    public static synchronized TestServerMode mode() {
        if (mode == null) {
            mode = TestServerMode.selected();
            // says which servers a run used: with auto, the answer depends on the machine
            org.slf4j.LoggerFactory.getLogger(TestServers.class).info("Test servers (PostgreSQL, Kafka, S3): {}",
                    mode.name().toLowerCase(java.util.Locale.ROOT));
        }
        return mode;
    }

    public static synchronized String jdbcUrl() {
        if (postgres == null) {
            postgres = mode() == TestServerMode.CONTAINERS ? ContainerPostgres.start() : TestPostgres.start();
            onExit(postgres::stop);
        }
        return postgres.address();
    }

    public static String jdbcUser() {
        return TestPostgres.USER;
    }

    public static String jdbcPassword() {
        return TestPostgres.PASSWORD;
    }

    public static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            kafka = mode() == TestServerMode.CONTAINERS ? ContainerKafka.start() : TestKafka.start();
            onExit(kafka::stop);
        }
        return kafka.address();
    }

    public static synchronized String s3Endpoint() {
        if (s3 == null) {
            s3 = mode() == TestServerMode.CONTAINERS ? ContainerS3.start() : TestS3.start();
            onExit(s3::stop);
        }
        return s3.address();
    }

    public static String s3AccessKey() {
        return TestS3.ACCESS_KEY;
    }

    public static String s3SecretKey() {
        return TestS3.SECRET_KEY;
    }

    /** The base URL of the real third-party sandbox (SMS gateway, captcha drop box): {@code http://127.0.0.1:PORT}. */
    public static synchronized String sandboxUrl() {
        if (sandbox == null) {
            sandbox = TestSandbox.start();
            onExit(sandbox::stop);
        }
        return sandbox.url();
    }

    /** The port of the sandbox's SMTP server (on 127.0.0.1), whose mail the sandbox lists at {@link #sandboxUrl()}. */
    public static synchronized int sandboxSmtpPort() {
        sandboxUrl();
        return sandbox.smtpPort();
    }

    /**
     * An SMTP server inside this JVM ({@link TestSmtp}): what a test reads the mail a service sent from, and takes
     * down and brings back for an outage.
     */
    public static synchronized TestSmtp smtp() {
        if (smtp == null) {
            smtp = TestSmtp.start();
            onExit(smtp::stop);
        }
        return smtp;
    }

    /** A Redis server in a child process ({@link TestRedis}): the gateway's shared store for limits and queue. */
    public static synchronized TestRedis redis() {
        if (redis == null) {
            redis = TestRedis.start();
            onExit(redis::stop);
        }
        return redis;
    }

    /** The token issuer the services under test trust; mint tokens with it. */
    public static synchronized TestIssuer issuer() {
        if (issuer == null) {
            issuer = TestIssuer.start();
            onExit(issuer::close);
        }
        return issuer;
    }

    // One hook stopping servers in reverse start order: parallel hooks let the broker write into a log
    // directory that another hook is already deleting.
    private static final java.util.Deque<Runnable> STOPS = new java.util.ArrayDeque<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (TestServers.class) {
                while (!STOPS.isEmpty()) {
                    try {
                        STOPS.pop().run();
                    } catch (RuntimeException e) {
                        System.err.println("test server did not stop cleanly: " + e);
                    }
                }
            }
        }, "baokao-test-servers-stop"));
    }

    private static void onExit(Runnable stop) {
        STOPS.push(stop);
    }
}
