package org.baokao.events.notification;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.baokao.events.DomainEvent;
import org.baokao.events.EventType;
import org.baokao.events.Topics;

/**
 * A service asks for an e-mail (NOT-1), e.g. a password-reset code sent to the candidate's address. Like
 * {@link SmsRequested} it may carry a verification code in params: never log this event.
 *
 * @param requestId   names the request: notification-service sends one mail per request id
 * @param candidateId the candidate it concerns; null before an account exists
 * @param email       the recipient's address
 * @param template    the code of a template in notification-service's {@code mail_template}, e.g.
 *                    {@code PASSWORD_RESET_CODE}
 * @param params      the template's placeholders, e.g. {@code code}, {@code minutes}, {@code bureauName} (the
 *                    producer passes the bureau's name: the mail is signed with it)
 * @param bureau      the bureau (考试院) the mail is sent for (BUR-1), e.g. {@code sd}, {@code sh}; null = the
 *                    default bureau
 */
@EventType(name = "EmailRequested", topic = Topics.NOTIFICATION_REQUESTS)
public record EmailRequested(UUID requestId, UUID candidateId, String email, String template,
        Map<String, String> params, Instant requestedAt, String bureau) implements DomainEvent {

    /** Neither the address nor the parameters (a code): this is what a log line of the event shows. */
    @Override
    public String toString() {
        return "EmailRequested[requestId=" + requestId + ", template=" + template + ", bureau=" + bureau + "]";
    }

    @Override
    public String aggregateId() {
        // with SmsRequested on the same topic: one candidate's messages stay in order; before an account exists
        // the address is all there is to order by
        return candidateId != null ? candidateId.toString() : email;
    }
}
