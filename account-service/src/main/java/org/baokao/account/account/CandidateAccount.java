package org.baokao.account.account;

import java.time.Instant;
import java.util.UUID;

import org.baokao.account.identity.IdType;
import org.baokao.domain.DomainModel;

/**
 * A candidate's account as login needs it: who (by id), its bureau (考试院, BUR-1: a person has one account
 * per bureau), the phone codes go to (null: none on file, an imported 在籍考生's, ACC-9), the password hash, and the
 * lock state. Personal data stays sealed until a use case needs it in clear.
 */
@DomainModel
public record CandidateAccount(UUID id, String bureau, String examCode, IdType idType, String phone,
        String passwordHash, boolean mustChangePassword, boolean phoneVerified, int failedLogins, Instant lockedUntil) {

    public boolean isLockedAt(Instant moment) {
        return lockedUntil != null && lockedUntil.isAfter(moment);
    }
}
