package org.baokao.photo.identity;

/**
 * Who the candidate is for the provider: ID type, full ID number and name, read from account-service for one
 * comparison and dropped after it. Never stored, never logged (its text form shows the type only).
 */
public record CandidateIdentity(String idType, String idNumber, String name) {

    @Override
    public String toString() {
        return "CandidateIdentity[" + idType + "]";
    }
}
