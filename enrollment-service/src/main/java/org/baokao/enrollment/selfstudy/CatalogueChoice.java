package org.baokao.enrollment.selfstudy;

import java.util.Optional;

import org.baokao.domain.DomainModel;
import org.baokao.domain.Refusal;
import org.baokao.enrollment.exam.CoursePlanCatalogue;

/**
 * A 主考学校 and 报名专业 as the sitting's course plan offers them (ENR-8, as ACC-3's open registration checks them in
 * account-service, with the same codes and words): the university must be one of the plan's, the major one of that
 * university's.
 */
@DomainModel
public final class CatalogueChoice {

    private CatalogueChoice() {
    }

    /** A university of the plan and one of its majors. */
    public record Chosen(CoursePlanCatalogue.University university, CoursePlanCatalogue.Major major) {
    }

    /**
     * The plan's university {@code universityCode} with its major {@code majorCode}, or 400: {@code UNIVERSITY_REQUIRED},
     * {@code MAJOR_REQUIRED}, {@code UNIVERSITY_UNKNOWN}, {@code MAJOR_NOT_OFFERED}.
     */
    public static Chosen choose(CoursePlanCatalogue plan, String universityCode, String majorCode) {
        if (universityCode == null || universityCode.isBlank()) {
            throw Refusal.invalid("UNIVERSITY_REQUIRED", "请选择报考的主考学校");
        }
        if (majorCode == null || majorCode.isBlank()) {
            throw Refusal.invalid("MAJOR_REQUIRED", "请选择报考专业");
        }
        CoursePlanCatalogue.University university = university(plan, universityCode.strip()).orElseThrow(
                () -> Refusal.invalid("UNIVERSITY_UNKNOWN", "所选主考学校不在本次考试的主考学校中，请重新选择"));
        CoursePlanCatalogue.Major major = major(university, majorCode.strip()).orElseThrow(
                () -> Refusal.invalid("MAJOR_NOT_OFFERED", university.name() + "没有开设所选专业，请重新选择"));
        return new Chosen(university, major);
    }

    /** The plan's university and major of these codes, if it offers them (for what other services already decided). */
    public static Optional<Chosen> find(CoursePlanCatalogue plan, String universityCode, String majorCode) {
        return university(plan, universityCode)
                .flatMap(university -> major(university, majorCode).map(major -> new Chosen(university, major)));
    }

    public static Optional<CoursePlanCatalogue.University> university(CoursePlanCatalogue plan, String code) {
        return plan.universities().stream().filter(u -> u != null && u.code().equals(code)).findFirst();
    }

    private static Optional<CoursePlanCatalogue.Major> major(CoursePlanCatalogue.University university, String code) {
        return university.majors().stream().filter(m -> m != null && m.code().equals(code)).findFirst();
    }
}
