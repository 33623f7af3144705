package org.baokao.enrollment.wizard;

import java.util.LinkedHashMap;
import java.util.Map;

/** The Chinese label of each field a candidate saves, as the Shandong forms print it (for messages). */
public final class FieldNames {

    private static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("politicalStatus", "政治面貌");
        LABELS.put("ethnicity", "民族");
        LABELS.put("foreignLanguage", "专科期间公共外语课");
        LABELS.put("mailingAddress", "通讯地址（录取通知书邮寄）");
        LABELS.put("postcode", "通讯地址邮政编码");
        LABELS.put("email", "个人电子邮箱");
        LABELS.put("householdProvince", "户籍所在省（直辖市）");
        LABELS.put("householdCity", "户籍所在市");
        LABELS.put("candidateCategory", "考生类别");
        LABELS.put("examLocation", "考试地点");
        LABELS.put("subjectGroup", "考试科目");
        LABELS.put("concurrentApplication", "是否兼报");
    }

    private FieldNames() {
    }

    public static boolean isKnown(String field) {
        return LABELS.containsKey(field);
    }

    public static String label(String field) {
        return LABELS.getOrDefault(field, field);
    }
}
