package org.baokao.enrollment.selfstudy;

import java.time.Instant;
import java.util.Objects;

import org.baokao.domain.DomainModel;

/**
 * One 主考学校 a Shanghai 自考 candidate holds, with the one major they hold there (ENR-8). The names are those of the
 * catalogue when it was chosen, kept because a university or major that stops taking new candidates leaves the
 * catalogue while its candidates still hold it; null when the catalogue did not name the code then (an import of a
 * major no longer offered). {@code specialMajor} is the catalogue's 特殊专业 flag at that time (ENR-10).
 *
 * @param admissionNumber the 准考证号: an imported candidate's; null until one is generated for a new candidate
 *                        (ENR-8's second half, with approval)
 * @param examCode        the sitting at which the candidate took it up
 */
@DomainModel
public record UniversityRegistration(String universityCode, String universityName, String majorCode,
        String majorName, boolean specialMajor, String admissionNumber, RegistrationOrigin origin, String examCode,
        Instant registeredAt) {

    public UniversityRegistration {
        Objects.requireNonNull(universityCode, "universityCode");
        Objects.requireNonNull(majorCode, "majorCode");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(registeredAt, "registeredAt");
    }

    /** The same registration with the 准考证号 an import brought (a re-import may bring one the first lacked). */
    UniversityRegistration withAdmissionNumber(String number) {
        return new UniversityRegistration(universityCode, universityName, majorCode, majorName, specialMajor, number,
                origin, examCode, registeredAt);
    }
}
