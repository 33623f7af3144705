package org.baokao.enrollment.wizard;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.baokao.domain.DomainModel;

/**
 * What the candidate fills in on step 3 (ENR-3); the roster's facts (name, college, major, 考生类型) are
 * shown beside it but not part of it. Codes are the dictionaries' ({@code Dictionaries}).
 *
 * @param householdProvince 户籍所在省（直辖市）, GB/T 2260 six digits
 * @param householdCity     户籍所在市, within that province
 * @param candidateCategory 考生类别 (城市应届 …)
 */
@DomainModel
public record PersonalInfo(String politicalStatus, String ethnicity, String foreignLanguage, String mailingAddress,
        String postcode, String email, String householdProvince, String householdCity, String candidateCategory) {

    /** The field names as the API, the events (EnrollmentAmended) and the problem details spell them. */
    public static final List<String> FIELDS = List.of("politicalStatus", "ethnicity", "foreignLanguage",
            "mailingAddress", "postcode", "email", "householdProvince", "householdCity", "candidateCategory");

    /** Household registration, locked at confirmation (ENR-5). */
    public static final List<String> HOUSEHOLD_FIELDS = List.of("householdProvince", "householdCity");

    public PersonalInfo {
        mailingAddress = trim(mailingAddress);
        postcode = trim(postcode);
        email = trim(email);
    }

    public String get(String field) {
        return switch (field) {
            case "politicalStatus" -> politicalStatus;
            case "ethnicity" -> ethnicity;
            case "foreignLanguage" -> foreignLanguage;
            case "mailingAddress" -> mailingAddress;
            case "postcode" -> postcode;
            case "email" -> email;
            case "householdProvince" -> householdProvince;
            case "householdCity" -> householdCity;
            case "candidateCategory" -> candidateCategory;
            default -> throw new IllegalArgumentException("no such field: " + field);
        };
    }

    /** A copy with one field changed. */
    public PersonalInfo with(String field, String value) {
        return new PersonalInfo(
                field.equals("politicalStatus") ? value : politicalStatus,
                field.equals("ethnicity") ? value : ethnicity,
                field.equals("foreignLanguage") ? value : foreignLanguage,
                field.equals("mailingAddress") ? value : mailingAddress,
                field.equals("postcode") ? value : postcode,
                field.equals("email") ? value : email,
                field.equals("householdProvince") ? value : householdProvince,
                field.equals("householdCity") ? value : householdCity,
                field.equals("candidateCategory") ? value : candidateCategory);
    }

    /** The fields whose values differ from {@code other}'s, in form order. */
    public List<String> changedFrom(PersonalInfo other) {
        List<String> changed = new ArrayList<>();
        for (String field : FIELDS) {
            if (other == null || !Objects.equals(get(field), other.get(field))) {
                changed.add(field);
            }
        }
        return changed;
    }

    private static String trim(String value) {
        return value == null ? null : value.strip();
    }
}
