package org.baokao.testkit;

/**
 * The real servers of a test JVM, each started on first use and stopped when the JVM exits.
 * Sharing them across test classes keeps a module's test run to one start of each.
 */
public final class TestServers {

    private static TestPostgres postgres;
    private static TestKafka kafka;
    private static TestS3 s3;
    private static TestSandbox sandbox;
    private static TestSmtp smtp;
    private static TestIssuer issuer;
    private static TestRedis redis;

    private TestServers() {
    }

    public static synchronized String jdbcUrl() {
        if (postgres == null) {
            postgres = TestPostgres.start();
            onExit(postgres::stop);
        }
        return postgres.jdbcUrl();
    }

    public static String jdbcUser() {
        return TestPostgres.USER;
    }

    public static String jdbcPassword() {
        return TestPostgres.PASSWORD;
    }

    public static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            kafka = TestKafka.start();
            onExit(kafka::stop);
        }
        return kafka.bootstrapServers();
    }

    public static synchronized String s3Endpoint() {
        if (s3 == null) {
            s3 = TestS3.start();
            onExit(s3::stop);
        }
        return s3.endpoint();
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
