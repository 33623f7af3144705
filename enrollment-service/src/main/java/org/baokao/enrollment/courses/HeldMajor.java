package org.baokao.enrollment.courses;

import java.util.Objects;

import org.baokao.domain.DomainModel;

/**
 * A 主考学校 the candidate holds with its one major (ENR-8), named as the sitting's plan names them (else as when it
 * was taken up; the code when neither did): the candidate chooses courses only from the plan of this major.
 */
@DomainModel
public record HeldMajor(String universityCode, String universityName, String majorCode, String majorName) {

    public HeldMajor {
        Objects.requireNonNull(universityCode, "universityCode");
        Objects.requireNonNull(majorCode, "majorCode");
        universityName = universityName == null ? universityCode : universityName;
        majorName = majorName == null ? majorCode : majorName;
    }
}
