package org.baokao.account.ratelimit;

import java.time.Duration;

import org.baokao.domain.DomainModel;

/**
 * A limit on one kind of request for one subject (a phone, an ID number, a client address): at least
 * {@code cooldown} between two, and at most {@code dailyCap} per calendar day.
 */
@DomainModel
public record Limit(String scope, Duration cooldown, int dailyCap) {
}
