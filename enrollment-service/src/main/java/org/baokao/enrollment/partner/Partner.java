package org.baokao.enrollment.partner;

import java.util.Objects;

/**
 * A partner bureau as the platform knows it: its Keycloak client id, the name candidates see when they grant it
 * consent (API-3), and the hosted bureau whose data it reads.
 */
public record Partner(String clientId, String name, String bureau) {

    public Partner {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bureau, "bureau");
    }
}
