package org.baokao.photo.identity;

/** No answer from the identity provider now; {@link #code()} is what the check row keeps as its last error. */
public class IdentityProviderUnavailableException extends RuntimeException {

    private final String code;

    public IdentityProviderUnavailableException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
