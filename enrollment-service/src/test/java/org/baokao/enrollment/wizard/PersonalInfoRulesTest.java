package org.baokao.enrollment.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baokao.enrollment.wizard.WizardFixtures.info;

import org.baokao.enrollment.exam.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ENR-3: the checks of the personal-information step, one violation per bad field. */
class PersonalInfoRulesTest {

    @Test
    void aSoundFormHasNoViolations() {
        assertThat(PersonalInfoRules.check(info())).isEmpty();
    }

    @ParameterizedTest(name = "{0}={1} -> {2}")
    @CsvSource(nullValues = "NULL", value = {
            "politicalStatus, NULL, POLITICAL_STATUS_REQUIRED",
            "politicalStatus, 99, POLITICAL_STATUS_INVALID",
            "ethnicity, 57, ETHNICITY_INVALID",
            "ethnicity, '', ETHNICITY_REQUIRED",
            "foreignLanguage, 7, FOREIGN_LANGUAGE_INVALID",
            "mailingAddress, '  ', MAILING_ADDRESS_REQUIRED",
            "postcode, 25001, POSTCODE_INVALID",
            "postcode, 25001a, POSTCODE_INVALID",
            "postcode, 2500140, POSTCODE_INVALID",
            "postcode, NULL, POSTCODE_REQUIRED",
            "email, zhangwei, EMAIL_INVALID",
            "email, zhang@wei, EMAIL_INVALID",
            "email, NULL, EMAIL_REQUIRED",
            "householdProvince, 990000, HOUSEHOLD_PROVINCE_INVALID",
            "householdCity, 370200, HOUSEHOLD_CITY_INVALID",
            "householdCity, NULL, HOUSEHOLD_CITY_REQUIRED",
            "candidateCategory, 5, CANDIDATE_CATEGORY_INVALID"})
    void eachBadFieldIsNamedWithItsCode(String field, String value, String code) {
        assertThat(PersonalInfoRules.check(info().with(field, value)))
                .singleElement()
                .satisfies(violation -> {
                    assertThat(violation.field()).isEqualTo(field);
                    assertThat(violation.code()).isEqualTo(code);
                    assertThat(violation.message()).isNotBlank();
                });
    }

    @Test
    void theCityMustBelongToTheProvince() {
        assertThat(PersonalInfoRules.check(info().with("householdProvince", "370000").with("householdCity", "371700")))
                .isEmpty();
        assertThat(PersonalInfoRules.check(info().with("householdProvince", "370000")))
                .extracting(Violation::code).containsExactly("HOUSEHOLD_CITY_INVALID");
    }

    @Test
    void everyBrokenRuleIsListed() {
        PersonalInfo empty = new PersonalInfo(null, null, null, null, null, null, null, null, null);
        assertThat(PersonalInfoRules.check(empty)).extracting(Violation::field)
                .containsExactlyElementsOf(PersonalInfo.FIELDS);
    }

    @Test
    void anAddressLongerThanAnEnvelopeTakesIsRefused() {
        assertThat(PersonalInfoRules.check(info().with("mailingAddress", "路".repeat(101))))
                .extracting(Violation::code).containsExactly("MAILING_ADDRESS_TOO_LONG");
    }
}
