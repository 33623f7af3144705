package org.baokao.notification.sms;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * The messaging library's error handler retries every failing event three times before dead-lettering it. A
 * rejected SMS (unknown template, missing parameter, a phone the gateway refuses) cannot succeed on a retry, so,
 * like an event that cannot be read, it goes to the dead letters at once.
 */
final class RejectionsSkipRetries implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DefaultErrorHandler handler) {
            handler.addNotRetryableExceptions(SmsRejectedException.class);
        }
        return bean;
    }
}
