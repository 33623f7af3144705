package org.baokao.photo.identity;

import java.util.UUID;

/**
 * Where the comparison gets a candidate's name and ID number (account-service owns them). Throws
 * {@link IdentityProviderUnavailableException} when it cannot say now: the check then waits like in a provider
 * outage.
 */
public interface CandidateIdentities {

    CandidateIdentity of(UUID candidateId);
}
