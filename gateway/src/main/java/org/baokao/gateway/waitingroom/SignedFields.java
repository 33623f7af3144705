package org.baokao.gateway.waitingroom;

import java.util.Optional;

/** The numbers of a signed payload {@code KIND:N1:N2...}; empty when the kind or the count differs. */
final class SignedFields {

    private SignedFields() {
    }

    static Optional<long[]> of(String payload, String kind, int count) {
        String[] parts = payload.split(":", -1);
        if (parts.length != count + 1 || !parts[0].equals(kind)) {
            return Optional.empty();
        }
        long[] numbers = new long[count];
        try {
            for (int i = 0; i < count; i++) {
                numbers[i] = Long.parseLong(parts[i + 1]);
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.of(numbers);
    }
}
