package org.baokao.enrollment.catalogue;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Public catalogue look-up (ENR-4): the subject groups and bachelor scopes open to a junior-college major. */
@RestController
class CatalogueController {

    private final Catalogues catalogues;

    CatalogueController(Catalogues catalogues) {
        this.catalogues = catalogues;
    }

    /** E.g. {@code /api/enrollments/public/exams/SD-ZSB-2023/catalogue/majors/620403}. */
    @GetMapping("/api/enrollments/public/exams/{examCode}/catalogue/majors/{majorCode}")
    Catalogues.MajorChoices majorChoices(@PathVariable String examCode, @PathVariable String majorCode) {
        return catalogues.requireChoices(examCode, majorCode);
    }
}
