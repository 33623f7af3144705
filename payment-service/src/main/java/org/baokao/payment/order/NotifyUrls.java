package org.baokao.payment.order;

import org.baokao.payment.PaymentProperties;
import org.baokao.payment.channel.Channel;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Where banks post notifications: {@code baokao.payment.notify-base-url} when set (the gateway in production), else
 * this service's own address (the local stack and tests, where the sandbox runs on the same machine).
 */
@Component
public class NotifyUrls {

    private final String configured;
    private volatile String own = "http://127.0.0.1:8084";

    NotifyUrls(PaymentProperties properties) {
        this.configured = properties.notifyBaseUrl();
    }

    @EventListener
    void started(WebServerInitializedEvent event) {
        own = "http://127.0.0.1:" + event.getWebServer().getPort();
    }

    public String forChannel(Channel channel) {
        String base = configured.isBlank() ? own : configured;
        return base + "/api/payments/notify/" + channel.name().toLowerCase();
    }
}
