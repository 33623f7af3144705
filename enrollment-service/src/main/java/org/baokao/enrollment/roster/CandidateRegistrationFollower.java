package org.baokao.enrollment.roster;

import org.baokao.events.account.CandidateRegistered;

/**
 * Another feature that needs each {@code CandidateRegistered} (e.g. {@code selfstudy}: the 主考学校 chosen at 新考生注册,
 * ENR-8). The service reads {@code account.events} as one consumer ({@link RosterProjection#CONSUMER}: a second
 * consumer would split the topic's partitions), and a consumer has one handler per event type, so the projection's
 * handler hands the event on to every follower, in the same inbox transaction: all of it applies once, or none.
 * The interface lives here so that the followers depend on the roster and not the other way round.
 */
public interface CandidateRegistrationFollower {

    void registered(CandidateRegistered registered);
}
