package org.baokao.enrollment.roster;

import org.baokao.events.account.PhoneChanged;

/**
 * Another feature that needs each {@code PhoneChanged} (e.g. {@code selfstudy}: a changed phone is a verified one,
 * SST-4). Like {@link CandidateRegistrationFollower}: the service's one consumer of {@code account.events} has one
 * handler per event type, the projection's, which hands the event on in the same inbox transaction.
 */
public interface PhoneChangeFollower {

    void phoneChanged(PhoneChanged changed);
}
