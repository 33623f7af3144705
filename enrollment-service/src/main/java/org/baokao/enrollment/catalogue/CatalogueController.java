package org.baokao.enrollment.catalogue;

import java.util.List;

import org.baokao.enrollment.exam.CoursePlanCatalogue;
import org.baokao.web.bureau.RequestBureau;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public catalogue look-ups: the subject groups and bachelor scopes open to a junior-college major (ENR-4), and
 * the examining universities and majors a new self-study candidate chooses from (ACC-3, ENR-8); of the addressed
 * bureau's exams only (BUR-1).
 */
@RestController
class CatalogueController {

    private final Catalogues catalogues;

    CatalogueController(Catalogues catalogues) {
        this.catalogues = catalogues;
    }

    /** E.g. {@code /api/enrollments/public/exams/SD-ZSB-2023/catalogue/majors/620403}. */
    @GetMapping("/api/enrollments/public/exams/{examCode}/catalogue/majors/{majorCode}")
    Catalogues.MajorChoices majorChoices(RequestBureau bureau, @PathVariable String examCode,
            @PathVariable String majorCode) {
        return catalogues.requireChoices(bureau.code(), examCode, majorCode);
    }

    /** E.g. {@code /api/enrollments/public/exams/SH-ZK-2026-10/catalogue/universities}. */
    @GetMapping("/api/enrollments/public/exams/{examCode}/catalogue/universities")
    List<CoursePlanCatalogue.University> universities(RequestBureau bureau, @PathVariable String examCode) {
        return catalogues.requireUniversities(bureau.code(), examCode);
    }
}
