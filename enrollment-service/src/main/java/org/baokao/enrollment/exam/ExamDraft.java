package org.baokao.enrollment.exam;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.baokao.domain.DomainModel;


/**
 * An exam configuration as operators send it (ENR-1), not yet checked: {@link ExamRules#check} says what is
 * wrong, and only a draft without violations becomes an {@link Exam}.
 *
 * <pre>
 * { "code": "SD-ZSB-2023", "name": "2023年普通高等教育专升本考试", "kind": "UNIFIED_UPGRADE", "bureau": "sd",
 *   "registration": { "opensAt": "2023-03-29T00:00:00Z", "closesAt": "2023-04-10T09:00:00Z" },
 *   "payment": { "opensAt": "2023-04-11T16:00:00Z", "closesAt": "2023-04-14T16:00:00Z",
 *                "dailyOpens": "09:00", "dailyCloses": "17:00" },
 *   "fees": [ { "code": "REGISTRATION", "name": "报名", "amountFen": 3000 }, ... ],
 *   "locations": [ { "code": "3701", "name": "济南市" }, ... ],
 *   "pledgeText": "我报考参加...",
 *   "catalogue": { "form": "MAJOR_SCOPE", "subjects": [...], "majors": [...] },
 *   "noExamCategories": [] }
 * </pre>
 *
 * @param bureau the bureau (考试院) that holds the exam (BUR-1): required for a new exam; a replacement may leave it
 *               out (it cannot change)
 */
@DomainModel
public record ExamDraft(String code, String name, ExamKind kind, WindowDraft registration, PaymentDraft payment,
        List<FeeDraft> fees, List<ExamLocation> locations, String pledgeText, Catalogue catalogue,
        List<String> noExamCategories, String bureau) {

    public ExamDraft {
        fees = fees == null ? List.of() : fees;
        locations = locations == null ? List.of() : locations;
        noExamCategories = noExamCategories == null ? List.of() : noExamCategories;
    }

    public record WindowDraft(Instant opensAt, Instant closesAt) {
    }

    /** Payment dates plus daily hours ("08:00", "22:00"; both absent = the whole day). */
    public record PaymentDraft(Instant opensAt, Instant closesAt, String dailyOpens, String dailyCloses) {
    }

    /** A fee item as sent; {@code amountFen} is boxed so that a missing amount is told from 0. */
    public record FeeDraft(String code, String name, Long amountFen) {
    }

    /** The exam this draft describes; call only for a draft {@link ExamRules#check} found no fault with. */
    Exam toExam(UUID id, Pledge pledge) {
        DailyHours hours = payment.dailyOpens() == null && payment.dailyCloses() == null ? DailyHours.ALL_DAY
                : DailyHours.parse(payment.dailyOpens(), payment.dailyCloses()).orElseThrow();
        List<FeeItem> feeItems = fees.stream()
                .map(fee -> new FeeItem(fee.code(), fee.name().strip(), fee.amountFen())).toList();
        List<ExamLocation> places = locations.stream()
                .map(location -> new ExamLocation(location.code(), location.name().strip())).toList();
        return new Exam(id, code, name.strip(), kind, new Exam.Window(registration.opensAt(), registration.closesAt()),
                new Exam.Window(payment.opensAt(), payment.closesAt()), hours, feeItems, places, pledge, catalogue,
                noExamCategories.stream().distinct().toList(), bureau);
    }
}
