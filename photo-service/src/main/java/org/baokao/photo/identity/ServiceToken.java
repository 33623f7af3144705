package org.baokao.photo.identity;

/**
 * A bearer token proving "photo-service" to other services (realm role {@code service}): from Keycloak by client
 * credentials on the stack, a fixed one in tests.
 */
public interface ServiceToken {

    String value();

    /** A fixed token (tests: minted by the test kit's issuer). */
    static ServiceToken fixed(String token) {
        return () -> token;
    }
}
