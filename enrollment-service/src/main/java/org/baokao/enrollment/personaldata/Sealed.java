package org.baokao.enrollment.personaldata;

import java.util.Arrays;
import java.util.Objects;

/** A sealed value as stored: the key id and 12-byte IV + AES-256-GCM ciphertext + 16-byte tag. */
public record Sealed(String keyId, byte[] data) {

    public Sealed {
        Objects.requireNonNull(keyId, "keyId");
        data = Objects.requireNonNull(data, "data").clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Sealed that && keyId.equals(that.keyId) && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * keyId.hashCode() + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Sealed[keyId=" + keyId + ", " + data.length + " bytes]";
    }
}
