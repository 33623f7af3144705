package org.baokao.personaldata;

import java.util.Arrays;
import java.util.Objects;

/**
 * A personal-data value as stored: the id of the key that sealed it and {@code data} = 12-byte IV followed by
 * the AES-256-GCM ciphertext and its 16-byte tag. Store both columns; {@link PersonalDataProtector#open} picks
 * the key by {@code keyId}, so rows sealed before a key rotation stay readable. Rows of account-service and
 * enrollment-service are stored in this format: changing it needs a migration of every sealed column.
 *
 * <p>The array is copied in and out, so a {@code Sealed} cannot be changed after it is made.
 */
public record Sealed(String keyId, byte[] data) {

    public Sealed {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(data, "data");
        data = data.clone();
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
