package org.baokao.account.captcha;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How long a captcha lives and how long its answer is. */
@ConfigurationProperties("baokao.account.captcha")
public record CaptchaProperties(@DefaultValue("3m") Duration validFor, @DefaultValue("4") int length) {
}
