package org.baokao.sandbox.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sandbox.mail.*}: where the SMTP server listens (its port is the sandbox's second port in
 * infra/stack/components.txt; the test kit passes a free one) and how many mails the inbox keeps.
 */
@ConfigurationProperties("sandbox.mail")
record MailSettings(@DefaultValue("2525") int smtpPort, @DefaultValue("127.0.0.1") String smtpBindAddress,
        @DefaultValue("10000") int capacity) {
}
