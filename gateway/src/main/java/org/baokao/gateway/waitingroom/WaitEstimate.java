package org.baokao.gateway.waitingroom;

import java.util.OptionalInt;

import org.baokao.domain.DomainModel;

/**
 * The wait a ticket holder is told (预计等待 M 分钟): the people ahead of them and they themselves, at the rate the
 * line moved lately, rounded up to whole minutes, at least one. Unknown while nobody has been admitted lately:
 * the page says it is estimating rather than invent a figure.
 */
@DomainModel
public final class WaitEstimate {

    private WaitEstimate() {
    }

    public static OptionalInt minutes(long ahead, AdmissionRate rate) {
        if (!rate.isKnown()) {
            return OptionalInt.empty();
        }
        double minutes = (ahead + 1) / rate.perMinute();
        return OptionalInt.of((int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.ceil(minutes))));
    }
}
