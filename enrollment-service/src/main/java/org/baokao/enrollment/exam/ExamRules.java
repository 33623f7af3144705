package org.baokao.enrollment.exam;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.baokao.domain.DomainModel;
import org.baokao.enrollment.dictionary.Dictionaries;

/**
 * The rules an exam configuration must keep (ENR-1), checked as a whole so an operator sees every fault at
 * once: codes and names present and well-formed, windows in order, fee amounts whole fen from 0 up with
 * unique codes (for 专升本: 报名; for any kind, a fee for every code the catalogue charges for: 专升本's subjects, none
 * for a 自考 course plan, whose courses carry their own fees), at least one exam location
 * with unique codes and names, a pledge text, a catalogue of the exam kind's own form, and the bureau it belongs to
 * (whether that bureau exists is {@link ExamConfigurations}' to ask).
 */
@DomainModel
public final class ExamRules {

    /** ¥100,000: far above any exam fee, low enough that a slipped digit is caught and sums never overflow. */
    static final long MAX_FEE_FEN = 10_000_000L;
    static final int MAX_PLEDGE_LENGTH = 20_000;

    private ExamRules() {
    }

    public static List<Violation> check(ExamDraft draft) {
        List<Violation> violations = new ArrayList<>();
        Checks.code(violations, "code", draft.code(), "EXAM", "考试");
        Checks.name(violations, "name", draft.name(), "EXAM", "考试");
        if (draft.kind() == null) {
            violations.add(new Violation("kind", "EXAM_KIND_REQUIRED", "请选择考试类型"));
        }
        if (draft.bureau() == null || draft.bureau().isBlank()) {
            violations.add(new Violation("bureau", "BUREAU_REQUIRED", "请选择考试所属的考试院"));
        }
        checkWindows(draft, violations);
        checkCatalogue(draft, violations);
        checkFees(draft, violations);
        checkLocations(draft, violations);
        if (draft.pledgeText() == null || draft.pledgeText().isBlank()) {
            violations.add(new Violation("pledgeText", "PLEDGE_REQUIRED", "请填写报考承诺内容"));
        } else if (draft.pledgeText().length() > MAX_PLEDGE_LENGTH) {
            violations.add(new Violation("pledgeText", "PLEDGE_TOO_LONG", "报考承诺不能超过" + MAX_PLEDGE_LENGTH + "个字"));
        }
        for (int i = 0; i < draft.noExamCategories().size(); i++) {
            String category = draft.noExamCategories().get(i);
            if (!Dictionaries.CANDIDATE_CATEGORY.isValid(category)) {
                violations.add(new Violation("noExamCategories[" + i + "]", "NO_EXAM_CATEGORY_UNKNOWN",
                        "免考的考生类别不存在：" + category));
            }
        }
        return violations;
    }

    private static void checkWindows(ExamDraft draft, List<Violation> violations) {
        ExamDraft.WindowDraft registration = draft.registration();
        boolean registrationSound = false;
        if (registration == null || registration.opensAt() == null || registration.closesAt() == null) {
            violations.add(new Violation("registration", "REGISTRATION_WINDOW_REQUIRED", "请填写报名开始和结束时间"));
        } else if (!registration.opensAt().isBefore(registration.closesAt())) {
            violations.add(new Violation("registration", "REGISTRATION_WINDOW_INVALID", "报名开始时间应早于结束时间"));
        } else {
            registrationSound = true;
        }
        ExamDraft.PaymentDraft payment = draft.payment();
        if (payment == null || payment.opensAt() == null || payment.closesAt() == null) {
            violations.add(new Violation("payment", "PAYMENT_WINDOW_REQUIRED", "请填写缴费开始和结束时间"));
            return;
        }
        if (!payment.opensAt().isBefore(payment.closesAt())) {
            violations.add(new Violation("payment", "PAYMENT_WINDOW_INVALID", "缴费开始时间应早于结束时间"));
        } else if (registrationSound && payment.opensAt().isBefore(registration.opensAt())) {
            violations.add(new Violation("payment.opensAt", "PAYMENT_BEFORE_REGISTRATION", "缴费开始时间不能早于报名开始时间"));
        }
        boolean noHours = payment.dailyOpens() == null && payment.dailyCloses() == null;
        if (!noHours && DailyHours.parse(payment.dailyOpens(), payment.dailyCloses()).isEmpty()) {
            violations.add(new Violation("payment.dailyOpens", "DAILY_HOURS_INVALID",
                    "每日缴费时段应为HH:mm格式，开始早于结束（如08:00至22:00，最晚24:00）"));
        }
    }

    private static void checkCatalogue(ExamDraft draft, List<Violation> violations) {
        Catalogue catalogue = draft.catalogue();
        if (draft.kind() == null) {
            return;
        }
        if (catalogue == null) {
            if (draft.kind() == ExamKind.UNIFIED_UPGRADE) {
                violations.add(new Violation("catalogue", "CATALOGUE_REQUIRED", "请配置招生专业目录"));
            }
            return;
        }
        if (catalogue.servesKind() != draft.kind()) {
            violations.add(new Violation("catalogue.form", "CATALOGUE_KIND_MISMATCH",
                    "专业目录的形式与考试类型不符"));
            return;
        }
        violations.addAll(catalogue.check());
    }

    private static void checkFees(ExamDraft draft, List<Violation> violations) {
        if (draft.fees().isEmpty()) {
            violations.add(new Violation("fees", "FEES_REQUIRED", "请配置收费项目"));
            return;
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < draft.fees().size(); i++) {
            ExamDraft.FeeDraft fee = draft.fees().get(i);
            String field = "fees[" + i + "]";
            if (fee == null) {
                violations.add(new Violation(field, "FEE_ITEM_REQUIRED", "收费项目不能为空"));
                continue;
            }
            if (Checks.code(violations, field + ".code", fee.code(), "FEE", "收费项目") && !codes.add(fee.code())) {
                violations.add(new Violation(field + ".code", "FEE_CODE_DUPLICATE", "收费项目代码重复：" + fee.code()));
            }
            Checks.name(violations, field + ".name", fee.name(), "FEE", "收费项目");
            if (fee.amountFen() == null) {
                violations.add(new Violation(field + ".amountFen", "FEE_AMOUNT_REQUIRED", "请填写收费金额（单位：分）"));
            } else if (fee.amountFen() < 0) {
                violations.add(new Violation(field + ".amountFen", "FEE_AMOUNT_NEGATIVE", "收费金额不能为负数"));
            } else if (fee.amountFen() > MAX_FEE_FEN) {
                violations.add(new Violation(field + ".amountFen", "FEE_AMOUNT_TOO_LARGE", "收费金额不能超过100000元"));
            }
        }
        if (draft.kind() == ExamKind.UNIFIED_UPGRADE && !codes.contains(FeeItem.REGISTRATION)) {
            violations.add(new Violation("fees", "REGISTRATION_FEE_MISSING",
                    "请配置报名费（代码" + FeeItem.REGISTRATION + "）"));
        }
        // whatever the kind: what the catalogue charges for by code needs its fee item (专升本's subjects; a 自考
        // course plan names none, its courses carry their own fees)
        if (draft.catalogue() != null && draft.catalogue().servesKind() == draft.kind()) {
            for (String chargeable : draft.catalogue().chargeableCodes()) {
                if (!codes.contains(chargeable)) {
                    violations.add(new Violation("fees", "SUBJECT_FEE_MISSING", "科目" + chargeable + "没有对应的收费项目"));
                }
            }
        }
    }

    private static void checkLocations(ExamDraft draft, List<Violation> violations) {
        if (draft.locations().isEmpty()) {
            violations.add(new Violation("locations", "LOCATIONS_REQUIRED", "请至少配置一个考试地点"));
            return;
        }
        Set<String> codes = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < draft.locations().size(); i++) {
            ExamLocation location = draft.locations().get(i);
            String field = "locations[" + i + "]";
            if (location == null) {
                violations.add(new Violation(field, "LOCATION_REQUIRED", "考试地点不能为空"));
                continue;
            }
            if (Checks.code(violations, field + ".code", location.code(), "LOCATION", "考试地点")
                    && !codes.add(location.code())) {
                violations.add(new Violation(field + ".code", "LOCATION_CODE_DUPLICATE", "考试地点代码重复：" + location.code()));
            }
            if (Checks.name(violations, field + ".name", location.name(), "LOCATION", "考试地点")
                    && !names.add(location.name().strip())) {
                violations.add(new Violation(field + ".name", "LOCATION_NAME_DUPLICATE", "考试地点名称重复：" + location.name()));
            }
        }
    }
}
