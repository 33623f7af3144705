package org.baokao.photo.identity;

/**
 * The public-security identity comparison (PHO-4). Implementations throw {@link IdentityProviderUnavailableException}
 * when there is no answer to be had now (down, slow, circuit open): the check then stays 核验中 and is tried again.
 */
public interface IdentityProvider {

    ComparisonResult compare(CandidateIdentity who, byte[] normalizedJpeg);
}
