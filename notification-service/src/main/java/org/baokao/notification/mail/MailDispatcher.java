package org.baokao.notification.mail;

import org.baokao.events.notification.EmailRequested;
import org.baokao.messaging.consumer.EventHandler;
import org.baokao.notification.mail.MailMetrics.Outcome;
import org.baokao.notification.template.CurrentTemplates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Sends the mail an {@link EmailRequested} asks for, once per request id (NOT-1): renders its template, hands it to
 * the mail server and records the outcome. Runs inside the inbox's transaction, so a failure rolls the event back
 * for the messaging error handler to retry or dead-letter (NOT-2), with a FAILED row operators see.
 * Logs name the request id, the template and the masked address, never the subject, text or parameters (ACC-6).
 * <p>
 * SMTP has no idempotency key, unlike the SMS gateway: should the SENT row or the commit fail after the server took
 * the mail (the database gone at that moment), the retry sends it again, with the same Message-ID. The SENT row
 * cannot be written before the send: a failed send then records its FAILED row in a transaction of its own, which
 * would wait forever on the row the inbox's transaction holds.
 */
@Service
class MailDispatcher {

    /**
     * The consumer of {@code notification.requests}: the SMS dispatcher's ({@code SmsDispatcher.CONSUMER}), because a
     * service reads a topic with one consumer. Never log its events: they carry verification codes.
     */
    static final String CONSUMER = "notification-service";
    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

    private final MailTemplates templates;
    private final CurrentTemplates saved;
    private final Mailer mailer;
    private final MailDeliveryLog deliveries;
    private final MailMetrics metrics;

    MailDispatcher(MailTemplates templates, CurrentTemplates saved, Mailer mailer, MailDeliveryLog deliveries,
            MailMetrics metrics) {
        this.templates = templates;
        this.saved = saved;
        this.mailer = mailer;
        this.deliveries = deliveries;
        this.metrics = metrics;
    }

    @EventHandler(CONSUMER)
    void deliver(EmailRequested request) {
        String template = MailMetrics.UNKNOWN_TEMPLATE;
        try {
            requireComplete(request);
            // a request id already sent under another event id (a producer that published twice) sends nothing
            if (deliveries.alreadySent(request.requestId())) {
                metrics.count(request.template(), Outcome.DUPLICATE);
                log.info("Mail request {} ({}) was sent before; not sending it again", request.requestId(),
                        request.template());
                return;
            }
            // the wording the bureau's administrators saved (OPS-3), else the platform's
            MailTemplate found = saved.mail(request.bureau(), request.template())
                    .map(mail -> new MailTemplate(request.template(), mail.subject(), mail.body()))
                    .or(() -> templates.find(request.template()))
                    .orElseThrow(() -> MailRejectedException.unknownTemplate(request.template()));
            template = found.code();
            MailTemplate.Rendered mail = found.render(request.params());
            String messageId = mailer.send(new OutgoingMail(request.requestId(), request.email(),
                    request.params() == null ? null : request.params().get("bureauName"), mail.subject(),
                    mail.body()));
            deliveries.recordSent(request, found.code(), messageId);
            metrics.count(found.code(), Outcome.SENT);
            log.info("Mail request {} ({}) to {} accepted by the mail server as {}", request.requestId(),
                    found.code(), AddressMask.mask(request.email()), messageId);
        } catch (MailDeliveryFailure failure) {
            recordFailure(request, failure);
            metrics.count(template, failure.retryable() ? Outcome.FAILED : Outcome.REJECTED);
            log.warn("Mail request {} ({}) to {} not sent: {} {}", request.requestId(), request.template(),
                    AddressMask.mask(request.email()), failure.reason(), failure.getMessage());
            throw failure;
        }
    }

    private static void requireComplete(EmailRequested request) {
        if (request.requestId() == null) {
            throw MailRejectedException.incomplete("请求编号");
        }
        if (request.email() == null || request.email().isBlank()) {
            throw MailRejectedException.incomplete("收件人邮箱");
        }
        if (request.template() == null || request.template().isBlank()) {
            throw MailRejectedException.incomplete("模板编号");
        }
    }

    private void recordFailure(EmailRequested request, MailDeliveryFailure failure) {
        try {
            deliveries.recordFailure(request, failure);
        } catch (RuntimeException e) {
            // the event is retried or dead-lettered either way; a missing FAILED row must not hide the real cause
            failure.addSuppressed(e);
            log.warn("Mail request {}: could not record the failure in the delivery log: {}", request.requestId(),
                    e.toString());
        }
    }
}
