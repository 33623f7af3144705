package org.baokao.gateway.waitingroom;

import java.util.Optional;

import org.baokao.domain.DomainModel;

/**
 * What the waiting room knows of the sender of a request it guards (a page of the candidate UI, a call to
 * {@code /api/**}): a valid admission pass, a bearer token, a ticket in the line.
 */
@DomainModel
public record Visitor(boolean hasPass, boolean hasBearerToken, Optional<Ticket> ticket) {

    public static Visitor newcomer() {
        return new Visitor(false, false, Optional.empty());
    }
}
