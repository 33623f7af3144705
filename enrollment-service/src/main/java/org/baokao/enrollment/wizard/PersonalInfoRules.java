package org.baokao.enrollment.wizard;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.baokao.domain.DomainModel;
import org.baokao.enrollment.dictionary.CodeList;
import org.baokao.enrollment.dictionary.Dictionaries;
import org.baokao.enrollment.exam.Violation;

/**
 * The checks of step 3 (ENR-3): every choice is a code of its dictionary, the household city belongs to the
 * household province, the postcode has six digits, the e-mail address looks like one, the mailing address is
 * there and fits an envelope. Each broken rule is one {@link Violation} naming the field.
 */
@DomainModel
public final class PersonalInfoRules {

    static final int MAX_ADDRESS_LENGTH = 100;
    private static final Pattern POSTCODE = Pattern.compile("[0-9]{6}");
    // Deliberately plain: letters, digits and ._%+- before the @, a dotted domain after; no quoted local parts.
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    private PersonalInfoRules() {
    }

    /** Every violation of {@code info}; empty when it may be saved. */
    public static List<Violation> check(PersonalInfo info) {
        List<Violation> violations = new ArrayList<>();
        code(violations, "politicalStatus", info.politicalStatus(), Dictionaries.POLITICAL_STATUS, "POLITICAL_STATUS");
        code(violations, "ethnicity", info.ethnicity(), Dictionaries.ETHNICITY, "ETHNICITY");
        code(violations, "foreignLanguage", info.foreignLanguage(), Dictionaries.FOREIGN_LANGUAGE, "FOREIGN_LANGUAGE",
                "专科期间公共外语课");
        checkAddress(violations, info.mailingAddress());
        if (blank(info.postcode())) {
            violations.add(new Violation("postcode", "POSTCODE_REQUIRED", "请填写通讯地址邮政编码"));
        } else if (!POSTCODE.matcher(info.postcode()).matches()) {
            violations.add(new Violation("postcode", "POSTCODE_INVALID", "通讯地址邮政编码应为6位数字"));
        }
        if (blank(info.email())) {
            violations.add(new Violation("email", "EMAIL_REQUIRED", "请填写个人电子邮箱"));
        } else if (info.email().length() > 254 || !EMAIL.matcher(info.email()).matches()) {
            violations.add(new Violation("email", "EMAIL_INVALID", "个人电子邮箱格式不正确"));
        }
        checkHousehold(violations, info.householdProvince(), info.householdCity());
        code(violations, "candidateCategory", info.candidateCategory(), Dictionaries.CANDIDATE_CATEGORY,
                "CANDIDATE_CATEGORY");
        return violations;
    }

    /** 400 with every violation unless {@code info} may be saved. */
    public static void require(PersonalInfo info) {
        List<Violation> violations = check(info);
        if (!violations.isEmpty()) {
            throw new WizardInputException(violations);
        }
    }

    private static void checkAddress(List<Violation> violations, String address) {
        if (blank(address)) {
            violations.add(new Violation("mailingAddress", "MAILING_ADDRESS_REQUIRED", "请填写通讯地址（录取通知书邮寄）"));
        } else if (address.codePointCount(0, address.length()) > MAX_ADDRESS_LENGTH) {
            violations.add(new Violation("mailingAddress", "MAILING_ADDRESS_TOO_LONG",
                    "通讯地址不能超过" + MAX_ADDRESS_LENGTH + "个字"));
        }
    }

    private static void checkHousehold(List<Violation> violations, String province, String city) {
        if (blank(province)) {
            violations.add(new Violation("householdProvince", "HOUSEHOLD_PROVINCE_REQUIRED", "请选择户籍所在省（直辖市）"));
        } else if (!Dictionaries.REGIONS.isValid(province)) {
            violations.add(new Violation("householdProvince", "HOUSEHOLD_PROVINCE_INVALID", "户籍所在省（直辖市）不正确"));
        }
        if (blank(city)) {
            violations.add(new Violation("householdCity", "HOUSEHOLD_CITY_REQUIRED", "请选择户籍所在市"));
        } else if (Dictionaries.REGIONS.isValid(province) && !Dictionaries.REGIONS.isValidCity(province, city)) {
            violations.add(new Violation("householdCity", "HOUSEHOLD_CITY_INVALID", "户籍所在市不属于所选的户籍所在省（直辖市）"));
        }
    }

    private static void code(List<Violation> violations, String field, String code, CodeList list, String prefix) {
        code(violations, field, code, list, prefix, list.title());
    }

    private static void code(List<Violation> violations, String field, String code, CodeList list, String prefix,
            String title) {
        if (blank(code)) {
            violations.add(new Violation(field, prefix + "_REQUIRED", "请选择" + title));
        } else if (!list.isValid(code)) {
            violations.add(new Violation(field, prefix + "_INVALID", title + "不正确，请从列表中选择"));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
