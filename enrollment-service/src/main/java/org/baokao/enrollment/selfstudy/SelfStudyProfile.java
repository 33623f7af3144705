package org.baokao.enrollment.selfstudy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.baokao.domain.DomainModel;

/**
 * A Shanghai 自考 candidate's 个人信息 (SST-4, seed 004 §3(1)): what they fill in before choosing courses. The starred
 * fields ({@link #REQUIRED}) must all be there: 民族, 政治面貌, 文化程度, 职业 (codes of {@code Dictionaries}), 通讯地址
 * and 邮政编码; 工作单位 and 固定电话 are optional. Name, ID and phone are the account's, not part of it.
 */
@DomainModel
public record SelfStudyProfile(String ethnicity, String politicalStatus, String education, String occupation,
        String mailingAddress, String postcode, String employer, String landline) {

    /** The field names as the API and the problem details spell them, in form order. */
    public static final List<String> FIELDS = List.of("ethnicity", "politicalStatus", "education", "occupation",
            "mailingAddress", "postcode", "employer", "landline");

    /** The starred (带*) fields: all of them before course selection. */
    public static final List<String> REQUIRED = FIELDS.subList(0, 6);

    /** An empty form: what a candidate who never saved has. */
    public static final SelfStudyProfile EMPTY = new SelfStudyProfile(null, null, null, null, null, null, null, null);

    public SelfStudyProfile {
        mailingAddress = trim(mailingAddress);
        postcode = trim(postcode);
        employer = trim(employer);
        landline = trim(landline);
    }

    public String get(String field) {
        return switch (field) {
            case "ethnicity" -> ethnicity;
            case "politicalStatus" -> politicalStatus;
            case "education" -> education;
            case "occupation" -> occupation;
            case "mailingAddress" -> mailingAddress;
            case "postcode" -> postcode;
            case "employer" -> employer;
            case "landline" -> landline;
            default -> throw new IllegalArgumentException("no such field: " + field);
        };
    }

    /** Every field by name, in form order (null for what is not filled in). */
    public Map<String, String> asMap() {
        Map<String, String> fields = new LinkedHashMap<>();
        FIELDS.forEach(field -> fields.put(field, get(field)));
        return fields;
    }

    /** Blank optional texts are "not given". */
    private static String trim(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
