package org.baokao.notification;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.baokao.testkit.ServiceTest;
import org.springframework.test.context.TestPropertySource;

/**
 * Every integration test of this service: one application context for the whole module. A second context would
 * run a second SMS listener in the same consumer group and take partitions of {@code notification.requests} away
 * from the first, and without the sandbox it would send to whatever listens on localhost:8090 (and mail to
 * localhost:2525: the test kit's SMTP server takes it instead).
 * Shorter waits than production so failures and recoveries fit in a test, and the loggers that could print an
 * SMS or mail request (Kafka, the HTTP client and its JSON converters, Spring's mail sender) turned up, so the
 * ACC-6 log checks of the tests also cover what a verbose production log would show.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ServiceTest(sandbox = true, smtp = true)
@TestPropertySource(properties = {
        "baokao.notification.sms.read-timeout=1s",
        "resilience4j.circuitbreaker.instances.sms-provider.wait-duration-in-open-state=1s",
        // longer than the mail retry's 2 s wait, so an open breaker is still open when the retry comes back
        "resilience4j.circuitbreaker.instances.mail-server.wait-duration-in-open-state=3s",
        "baokao.messaging.relay.poll-interval=100ms",
        "logging.level.org.springframework.kafka=INFO",
        "logging.level.org.springframework.web.client=DEBUG",
        "logging.level.org.springframework.http=DEBUG",
        "logging.level.org.springframework.mail=DEBUG",
        "logging.level.org.baokao=DEBUG",
        // the test kit's mail server, a third party in production, names the mailboxes it creates: not our log
        "logging.level.com.icegreen=WARN" })
public @interface NotificationServiceTest {
}
