package org.baokao.payment.notify;

import java.util.LinkedHashMap;
import java.util.Map;

import org.baokao.domain.Refusal;
import org.baokao.payment.channel.Channel;
import org.baokao.payment.channel.PaymentChannel.Acknowledgement;
import org.baokao.payment.channel.PaymentChannels;
import org.baokao.payment.notify.NotificationHandler.Verdict;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where banks post payment notifications (PAY-4), without a token (the signature is the proof). Each is answered in
 * the channel's own format: accepted and duplicate ones are acknowledged (so the bank stops retrying), rejected ones
 * get the channel's failure answer with 400.
 */
@RestController
class NotificationController {

    private final NotificationHandler handler;
    private final PaymentChannels channels;

    NotificationController(NotificationHandler handler, PaymentChannels channels) {
        this.handler = handler;
        this.channels = channels;
    }

    @PostMapping("/api/payments/notify/{channel}")
    ResponseEntity<String> notify(@PathVariable String channel, HttpServletRequest request) {
        Channel bank = channelOf(channel);
        Map<String, String> params = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> params.put(name, values.length == 0 ? "" : values[0]));
        Verdict verdict = handler.handle(bank, params);
        Acknowledgement answer = channels.of(bank).acknowledgement(verdict != Verdict.REJECTED);
        return ResponseEntity.status(verdict == Verdict.REJECTED ? HttpStatus.BAD_REQUEST : HttpStatus.OK)
                .contentType(MediaType.parseMediaType(answer.contentType())).body(answer.body());
    }

    static Channel channelOf(String code) {
        for (Channel c : Channel.values()) {
            if (c.name().equalsIgnoreCase(code)) {
                return c;
            }
        }
        throw Refusal.notFound("UNKNOWN_CHANNEL", "没有此支付渠道");
    }
}
