package org.baokao.notification.sms;

import java.util.UUID;

/**
 * An SMS gateway. {@code requestId} is the idempotency key: the gateway sends one SMS per request id however
 * often it is called with it, which is what keeps a person from getting an SMS twice when our commit fails after
 * a successful send and the request is processed again.
 */
public interface SmsProvider {

    /**
     * Hands the SMS to the gateway and returns the gateway's message id.
     *
     * @throws SmsProviderUnavailableException the gateway could not take it now; trying later may work
     * @throws SmsRejectedException the gateway refused it; trying again will not help
     */
    String send(UUID requestId, String phone, String content);
}
