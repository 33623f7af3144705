package org.baokao.notification.mail;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * The messaging library's error handler retries every failing event three times before dead-lettering it. A
 * rejected mail (unknown template, missing parameter, an address that is not one, a 5xx reply) cannot succeed on a
 * retry, so, like an event that cannot be read, it goes to the dead letters at once.
 */
final class MailRejectionsSkipRetries implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DefaultErrorHandler handler) {
            handler.addNotRetryableExceptions(MailRejectedException.class);
        }
        return bean;
    }
}
