package org.baokao.notification.sms;

import org.baokao.events.notification.SmsRequested;
import org.baokao.messaging.consumer.EventHandler;
import org.baokao.notification.bureau.BureauSms;
import org.baokao.notification.bureau.BureauSmsSettings;
import org.baokao.notification.sms.SmsMetrics.Outcome;
import org.baokao.notification.template.CurrentTemplates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Sends the SMS a {@link SmsRequested} asks for, at most once per request id (NOT-1): renders its template in the
 * wording of the request's bureau (its administrators' saved version, its configured one, else the platform's) behind the bureau's signature (BUR-1), hands it
 * to the provider with the request id as idempotency key, and records the outcome. A request for a bureau whose
 * settings have not arrived is held ({@link BureauNotConfiguredException}), never sent unsigned or wrongly signed.
 * Runs inside the inbox's transaction, so a failure rolls the event back for the messaging error handler to retry
 * or dead-letter (NOT-2).
 * Logs name the request id, the template and the masked phone, never the text or its parameters (ACC-6).
 */
@Service
class SmsDispatcher {

    /** The consumer of {@code notification.requests}; never log its events: they carry verification codes. */
    static final String CONSUMER = "notification-service";
    private static final Logger log = LoggerFactory.getLogger(SmsDispatcher.class);

    private final SmsTemplates templates;
    private final CurrentTemplates saved;
    private final BureauSmsSettings bureaus;
    private final SmsProvider provider;
    private final DeliveryLog deliveries;
    private final SmsMetrics metrics;

    SmsDispatcher(SmsTemplates templates, CurrentTemplates saved, BureauSmsSettings bureaus, SmsProvider provider,
            DeliveryLog deliveries, SmsMetrics metrics) {
        this.templates = templates;
        this.saved = saved;
        this.bureaus = bureaus;
        this.provider = provider;
        this.deliveries = deliveries;
        this.metrics = metrics;
    }

    @EventHandler(CONSUMER)
    void deliver(SmsRequested request) {
        String template = SmsMetrics.UNKNOWN_TEMPLATE;
        try {
            requireComplete(request);
            // a request id already sent under another event id (a producer that published twice) sends nothing
            if (deliveries.alreadySent(request.requestId())) {
                metrics.count(request.template(), Outcome.DUPLICATE);
                log.info("SMS request {} ({}) was sent before; not sending it again", request.requestId(),
                        request.template());
                return;
            }
            String bureauCode = bureaus.bureauOf(request.bureau());
            BureauSms bureau = bureaus.find(bureauCode)
                    .orElseThrow(() -> new BureauNotConfiguredException(bureauCode));
            // the wording its administrators saved (OPS-3), else the one its configuration brought, else the platform's
            SmsTemplate found = saved.sms(bureauCode, request.template())
                    .or(() -> bureau.ownWording(request.template()))
                    .map(text -> new SmsTemplate(request.template(), text))
                    .or(() -> templates.find(request.template()))
                    .orElseThrow(() -> SmsRejectedException.unknownTemplate(request.template()));
            template = found.code();
            String content = bureau.signed(found.render(request.params()));
            String messageId = provider.send(request.requestId(), request.phone(), content);
            deliveries.recordSent(request, found.code(), messageId);
            metrics.count(found.code(), Outcome.SENT);
            log.info("SMS request {} ({}) to {} accepted by the provider as {}", request.requestId(), found.code(),
                    PhoneMask.mask(request.phone()), messageId);
        } catch (SmsDeliveryFailure failure) {
            recordFailure(request, failure);
            metrics.count(template, outcomeOf(failure));
            log.warn("SMS request {} ({}) to {} not sent: {} {}", request.requestId(), request.template(),
                    PhoneMask.mask(request.phone()), failure.reason(), failure.getMessage());
            throw failure;
        }
    }

    private static Outcome outcomeOf(SmsDeliveryFailure failure) {
        return switch (failure) {
            case BureauNotConfiguredException held -> Outcome.HELD;
            case SmsProviderUnavailableException unavailable -> Outcome.FAILED;
            case SmsRejectedException rejected -> Outcome.REJECTED;
        };
    }

    private static void requireComplete(SmsRequested request) {
        if (request.requestId() == null) {
            throw SmsRejectedException.incomplete("请求编号");
        }
        if (request.phone() == null || request.phone().isBlank()) {
            throw SmsRejectedException.incomplete("手机号");
        }
        if (request.template() == null || request.template().isBlank()) {
            throw SmsRejectedException.incomplete("模板编号");
        }
    }

    private void recordFailure(SmsRequested request, SmsDeliveryFailure failure) {
        try {
            deliveries.recordFailure(request, failure);
        } catch (RuntimeException e) {
            // the event is retried or dead-lettered either way; a missing FAILED row must not hide the real cause
            failure.addSuppressed(e);
            log.warn("SMS request {}: could not record the failure in the delivery log: {}", request.requestId(),
                    e.toString());
        }
    }
}
