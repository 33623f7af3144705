package org.baokao.gateway.waitingroom;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.baokao.domain.DomainModel;

/**
 * GW-2: a place in the line: its number, handed out in order by the shared store, and when it was taken. Kept in
 * a signed cookie ({@link Signer}) so nobody can claim an earlier number; a ticket older than its lifetime is no
 * longer read (its holder joins again).
 */
@DomainModel
public record Ticket(long number, Instant takenAt) {

    private static final String KIND = "t1";

    public String signedWith(Signer signer) {
        return signer.sign(KIND + ":" + number + ":" + takenAt.getEpochSecond());
    }

    public static Optional<Ticket> read(String value, Signer signer, Instant now, Duration lifetime) {
        return signer.verify(value)
                .flatMap(payload -> SignedFields.of(payload, KIND, 2))
                .map(fields -> new Ticket(fields[0], Instant.ofEpochSecond(fields[1])))
                .filter(ticket -> ticket.takenAt.plus(lifetime).isAfter(now));
    }
}
