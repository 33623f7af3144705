package org.baokao.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * A service integration test: the whole Spring Boot application on a random port, wired to the real
 * PostgreSQL and Kafka of this JVM (and S3 when {@link #s3()} is set, the sandbox when {@link #sandbox()} is, an SMTP server when
 * {@link #smtp()} is),
 * trusting {@link TestServers#issuer()}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
// no banner: one per application context only clutters CI logs
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.main.banner-mode=off")
public @interface ServiceTest {

    /** Also start the S3 server and set {@code baokao.s3.*}. */
    boolean s3() default false;

    /**
     * Also start the third-party sandbox ({@link TestServers#sandboxUrl()}) and point {@code baokao.sandbox.url}
     * and {@code baokao.notification.sms.sandbox-url} at it.
     */
    boolean sandbox() default false;

    /** Also start an SMTP server in this JVM ({@link TestServers#smtp()}) and point {@code spring.mail.*} at it. */
    boolean smtp() default false;
}
