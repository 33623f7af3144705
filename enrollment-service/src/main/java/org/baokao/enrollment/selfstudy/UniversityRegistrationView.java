package org.baokao.enrollment.selfstudy;

import java.time.Instant;
import java.util.Optional;

import org.baokao.enrollment.exam.CoursePlanCatalogue;
import org.baokao.enrollment.exam.Exam;

/**
 * One university a candidate holds, as the 报名信息 page shows it: the names as the current sitting's plan has them
 * (a renamed university shows its new name), else as they were when taken up (a university or major the plan no
 * longer offers), null when neither named the code; the 特殊专业 flag; the 准考证号 (null: 待生成); how it was taken up;
 * and the university's current 温馨提示 (null when it has none or is no longer offered).
 */
record UniversityRegistrationView(String universityCode, String universityName, String majorCode, String majorName,
        boolean specialMajor, String admissionNumber, Instant registeredAt, String origin, String originName,
        String notice) {

    static UniversityRegistrationView of(Exam sitting, UniversityRegistration registration) {
        Optional<CoursePlanCatalogue.University> offered = SelfStudyUniversities.planOf(sitting)
                .flatMap(plan -> CatalogueChoice.university(plan, registration.universityCode()));
        String majorName = offered.flatMap(university -> university.majors().stream()
                        .filter(major -> major != null && major.code().equals(registration.majorCode())).findFirst())
                .map(CoursePlanCatalogue.Major::name).orElse(registration.majorName());
        return new UniversityRegistrationView(registration.universityCode(),
                offered.map(CoursePlanCatalogue.University::name).orElse(registration.universityName()),
                registration.majorCode(), majorName, registration.specialMajor(), registration.admissionNumber(),
                registration.registeredAt(), registration.origin().name(), registration.origin().label(),
                offered.map(CoursePlanCatalogue.University::notice).orElse(null));
    }
}
