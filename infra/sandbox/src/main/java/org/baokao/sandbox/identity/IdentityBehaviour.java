package org.baokao.sandbox.identity;

import org.baokao.sandbox.Unreliability;
import org.springframework.stereotype.Component;

/**
 * How the sandbox identity provider behaves right now: the public-security comparison service is sometimes slow
 * and sometimes down, and tests and demos must show that candidates then stay 核验中 and their checks finish by
 * themselves once it is back (PHO-4). Changed at runtime through {@link IdentityBehaviourController}.
 */
@Component
class IdentityBehaviour extends Unreliability {
}
