package org.baokao.enrollment.selfstudy;

import java.util.Optional;
import java.util.UUID;

import org.springframework.security.oauth2.jwt.Jwt;

/** The candidate a token speaks for: its subject, when that is a candidate id. */
final class TokenCandidate {

    private TokenCandidate() {
    }

    static Optional<UUID> of(Jwt token) {
        try {
            return Optional.of(UUID.fromString(token.getSubject()));
        } catch (RuntimeException notACandidateId) {
            return Optional.empty();
        }
    }
}
