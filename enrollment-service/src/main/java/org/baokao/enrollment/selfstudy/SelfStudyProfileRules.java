package org.baokao.enrollment.selfstudy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.baokao.domain.DomainModel;
import org.baokao.enrollment.dictionary.CodeList;
import org.baokao.enrollment.dictionary.Dictionaries;
import org.baokao.enrollment.exam.Violation;

/**
 * The checks of a 自考 candidate's 个人信息 (SST-4), as the Shandong wizard checks its personal information (ENR-3):
 * every choice a code of its dictionary (民族 GB/T 3304, 政治面貌 GB/T 4762, 文化程度 GB/T 4658, 职业 GB/T 6565), the
 * postcode six digits, the mailing address there and short enough for an envelope; the optional 工作单位 at most 100
 * characters, the optional 固定电话 a Chinese landline number (area code, number, extension). Each broken rule is one
 * {@link Violation} naming the field.
 */
@DomainModel
public final class SelfStudyProfileRules {

    static final int MAX_ADDRESS_LENGTH = 100;
    static final int MAX_EMPLOYER_LENGTH = 100;
    private static final Pattern POSTCODE = Pattern.compile("[0-9]{6}");
    /** 021-64321234, 02164321234, 0571-8765432-8001, 64321234: area code optional, 7 or 8 digits, extension. */
    private static final Pattern LANDLINE = Pattern.compile("(0[1-9][0-9]{1,2}-?)?[2-9][0-9]{6,7}(-[0-9]{1,6})?");

    /** The Chinese label of each field, as the form prints it (the starred ones with *). */
    public static final Map<String, String> LABELS;

    static {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("ethnicity", "民族");
        labels.put("politicalStatus", "政治面貌");
        labels.put("education", "文化程度");
        labels.put("occupation", "职业");
        labels.put("mailingAddress", "通讯地址");
        labels.put("postcode", "邮政编码");
        labels.put("employer", "工作单位");
        labels.put("landline", "固定电话");
        LABELS = java.util.Collections.unmodifiableMap(labels);
    }

    /** The dictionary of each coded field. */
    public static final Map<String, CodeList> DICTIONARIES = Map.of("ethnicity", Dictionaries.ETHNICITY,
            "politicalStatus", Dictionaries.POLITICAL_STATUS, "education", Dictionaries.EDUCATION, "occupation",
            Dictionaries.OCCUPATION);

    private SelfStudyProfileRules() {
    }

    /** Every violation of {@code profile}; empty when it may be saved (and is then complete). */
    public static List<Violation> check(SelfStudyProfile profile) {
        List<Violation> violations = new ArrayList<>();
        code(violations, "ethnicity", profile.ethnicity(), "ETHNICITY");
        code(violations, "politicalStatus", profile.politicalStatus(), "POLITICAL_STATUS");
        code(violations, "education", profile.education(), "EDUCATION");
        code(violations, "occupation", profile.occupation(), "OCCUPATION");
        String address = profile.mailingAddress();
        if (address == null) {
            violations.add(new Violation("mailingAddress", "MAILING_ADDRESS_REQUIRED", "请填写通讯地址"));
        } else if (length(address) > MAX_ADDRESS_LENGTH) {
            violations.add(new Violation("mailingAddress", "MAILING_ADDRESS_TOO_LONG",
                    "通讯地址不能超过" + MAX_ADDRESS_LENGTH + "个字"));
        }
        if (profile.postcode() == null) {
            violations.add(new Violation("postcode", "POSTCODE_REQUIRED", "请填写邮政编码"));
        } else if (!POSTCODE.matcher(profile.postcode()).matches()) {
            violations.add(new Violation("postcode", "POSTCODE_INVALID", "邮政编码应为6位数字"));
        }
        if (profile.employer() != null && length(profile.employer()) > MAX_EMPLOYER_LENGTH) {
            violations.add(new Violation("employer", "EMPLOYER_TOO_LONG", "工作单位不能超过" + MAX_EMPLOYER_LENGTH + "个字"));
        }
        if (profile.landline() != null && !LANDLINE.matcher(profile.landline()).matches()) {
            violations.add(new Violation("landline", "LANDLINE_INVALID", "固定电话格式不正确，应如021-64321234"));
        }
        return violations;
    }

    /**
     * The starred fields not (soundly) filled in, in form order: what stops course selection (个人信息不完整). A stored
     * profile passed {@link #check}; one whose code left its dictionary since counts as missing that field.
     */
    public static List<String> missing(SelfStudyProfile profile) {
        List<String> missing = new ArrayList<>();
        for (String field : SelfStudyProfile.REQUIRED) {
            String value = profile.get(field);
            CodeList dictionary = DICTIONARIES.get(field);
            if (value == null || (dictionary != null && !dictionary.isValid(value))) {
                missing.add(field);
            }
        }
        return missing;
    }

    private static void code(List<Violation> violations, String field, String code, String prefix) {
        CodeList list = DICTIONARIES.get(field);
        if (code == null || code.isBlank()) {
            violations.add(new Violation(field, prefix + "_REQUIRED", "请选择" + LABELS.get(field)));
        } else if (!list.isValid(code)) {
            violations.add(new Violation(field, prefix + "_INVALID", LABELS.get(field) + "不正确，请从列表中选择"));
        }
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
