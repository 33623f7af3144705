package org.baokao.photo.today;

import java.util.List;
import java.util.Map;

import org.baokao.domain.operator.Operator;
import org.baokao.domain.operator.OperatorRole;
import org.baokao.web.bureau.BureauProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 今日概况 (OPS-3), photo-service's part: identity checks pending and manual reviews waiting, for the whole bureau
 * ({@code bureau} of the answer; no figure per exam here). Every role of the console. The bureau-wide roles get the
 * bureau's figures, a 主考学校 reviewer their university's; a city operator none (photo-service knows no exam
 * location).
 */
@RestController
class PhotoTodayController {

    private final PhotoTodayCounts counts;
    private final BureauProperties bureaus;

    PhotoTodayController(PhotoTodayCounts counts, BureauProperties bureaus) {
        this.counts = counts;
        this.bureaus = bureaus;
    }

    record ExamFigures(String exam, Map<String, Long> figures) {
    }

    record Today(List<ExamFigures> exams, Map<String, Long> bureau) {
    }

    @GetMapping("/api/photos/operations/today")
    Today today(Operator operator) {
        operator.require(OperatorRole.values());
        if (operator.seesWholeBureau()) {
            return new Today(List.of(), counts.of(operator.bureau(), bureaus.defaultCode(), null));
        }
        if (operator.has(OperatorRole.UNIVERSITY_REVIEWER) && operator.university() != null) {
            return new Today(List.of(), counts.of(operator.bureau(), bureaus.defaultCode(), operator.university()));
        }
        return new Today(List.of(), Map.of());
    }
}
