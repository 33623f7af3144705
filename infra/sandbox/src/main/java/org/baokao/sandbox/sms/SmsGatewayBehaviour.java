package org.baokao.sandbox.sms;

import org.baokao.sandbox.Unreliability;
import org.springframework.stereotype.Component;

/**
 * How the sandbox SMS gateway behaves right now: a real gateway is sometimes slow and sometimes down. Changed at
 * runtime through {@link SmsBehaviourController}.
 */
@Component
class SmsGatewayBehaviour extends Unreliability {
}
