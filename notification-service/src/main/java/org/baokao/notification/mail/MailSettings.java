package org.baokao.notification.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code baokao.mail.*}: the sender address of the platform's mail (the name shown beside it is the bureau's,
 * from the request's {@code bureauName}). Where the mail server is: {@code spring.mail.*}; retry and circuit
 * breaker around it: {@code resilience4j.*.instances.mail-server}.
 */
@ConfigurationProperties("baokao.mail")
record MailSettings(@DefaultValue("noreply@baokao.local") String from) {
}
