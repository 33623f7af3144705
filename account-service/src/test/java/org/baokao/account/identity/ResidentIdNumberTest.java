package org.baokao.account.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.baokao.testkit.Gb11643TestNumbers.fullWidth;
import static org.baokao.testkit.Gb11643TestNumbers.residentId;
import static org.baokao.testkit.Gb11643TestNumbers.withCheck;
import static org.baokao.testkit.Gb11643TestNumbers.withWrongCheck;

import java.time.LocalDate;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** ACC-2: GB 11643-1999 numbers on the 居民身份证 and the 港澳台居民居住证. */
class ResidentIdNumberTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 15);

    static ResidentIdNumber parse(String raw) {
        return ResidentIdNumber.parse(raw, TODAY);
    }

    static AbstractThrowableAssert<?, ?> refused(String raw, String code) {
        return assertThatThrownBy(() -> parse(raw))
                .isInstanceOf(InvalidIdNumberException.class)
                .hasFieldOrPropertyWithValue("code", code);
    }

    @Nested
    class Valid {

        @Test
        void theStandardsOwnExampleWithXAsCheckCharacter() {
            // GB 11643-1999, appendix: 北京市朝阳区, born 1949-12-31, sequence 002 (female), check X
            ResidentIdNumber id = parse("11010519491231002X");

            assertThat(id.value()).isEqualTo("11010519491231002X");
            assertThat(id.regionCode()).isEqualTo("110105");
            assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
            assertThat(id.gender()).isEqualTo(Gender.FEMALE);
        }

        @Test
        void aNumberWithADigitAsCheckCharacter() {
            String number = residentId("370102", "19900307", "123");
            assertThat(number).doesNotEndWith("X");

            assertThat(parse(number).value()).isEqualTo(number);
        }

        @Test
        void everyCheckCharacterValueIsAccepted() {
            // sequences 000..999 cover all 11 check characters (0-9 and X); each must be accepted as computed
            java.util.Set<Character> seen = new java.util.HashSet<>();
            for (int seq = 0; seq < 1000; seq++) {
                String number = residentId("440305", "20010915", "%03d".formatted(seq));
                assertThat(parse(number).value()).isEqualTo(number);
                seen.add(number.charAt(17));
            }
            assertThat(seen).hasSize(11).contains('X');
        }

        @Test
        void genderComesFromTheSeventeenthDigitOddIsMale() {
            for (int digit = 0; digit <= 9; digit++) {
                ResidentIdNumber id = parse(residentId("320106", "19851120", "01" + digit));
                assertThat(id.gender()).as("17th digit %d", digit)
                        .isEqualTo(digit % 2 == 1 ? Gender.MALE : Gender.FEMALE);
            }
            assertThat(Gender.MALE.displayName()).isEqualTo("男");
            assertThat(Gender.FEMALE.displayName()).isEqualTo("女");
        }

        @Test
        void birthDateComesFromDigitsSevenToFourteen() {
            assertThat(parse(residentId("650102", "20000229", "031")).birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
            assertThat(parse(residentId("650102", "19000101", "031")).birthDate()).isEqualTo(LocalDate.of(1900, 1, 1));
            assertThat(parse(residentId("650102", "20240229", "031")).birthDate()).isEqualTo(LocalDate.of(2024, 2, 29));
        }

        @Test
        void bornTodayIsAccepted() {
            assertThat(parse(residentId("210202", "20260315", "015")).birthDate()).isEqualTo(TODAY);
        }

        @Test
        void leadingAndTrailingWhitespaceIsTrimmed() {
            assertThat(parse(" \t11010519491231002X \n").value()).isEqualTo("11010519491231002X");
            assertThat(parse("\u300011010519491231002X\u3000").value()).isEqualTo("11010519491231002X");
        }

        @ParameterizedTest
        @ValueSource(strings = {"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36",
                "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65"})
        void everyMainlandProvinceIsAccepted(String province) {
            String number = residentId(province + "0102", "19930618", "417");
            assertThat(parse(number).regionCode()).startsWith(province);
        }
    }

    @Nested
    class Refused {

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "   ", "\t\n", "\u3000"})
        void nothingEntered(String raw) {
            refused(raw, "ID_REQUIRED").hasMessage("请输入证件号码");
        }

        @Test
        void seventeenCharacters() {
            refused("11010519491231002", "ID_LENGTH").hasMessage("居民身份证号码应为18位");
        }

        @Test
        void nineteenCharacters() {
            refused("11010519491231002X1", "ID_LENGTH").hasMessage("居民身份证号码应为18位");
            refused(residentId("370102", "19900307", "123") + "0", "ID_LENGTH");
        }

        @Test
        void theOldFifteenDigitNumber() {
            refused("370102900307123", "ID_LENGTH");
        }

        @Test
        void aLowerCaseXIsNotSilentlyUpperCased() {
            refused("11010519491231002x", "ID_LOWERCASE_X").hasMessage("证件号码末位X请使用大写");
        }

        @Test
        void fullWidthDigits() {
            String fullWidth = fullWidth("11010519491231002X");
            assertThat(fullWidth).hasSize(18).startsWith("１１０");

            refused(fullWidth, "ID_FULL_WIDTH").hasMessage("请使用半角字符输入证件号码");
        }

        @Test
        void onlyAFullWidthX() {
            refused("11010519491231002Ｘ", "ID_FULL_WIDTH");
            refused("11010519491231002ｘ", "ID_FULL_WIDTH");
        }

        @Test
        void oneFullWidthDigitAmongHalfWidthOnes() {
            refused("1101051949１231002X", "ID_FULL_WIDTH");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "1101051949123100XX", // X before the last position
                "X10105194912310021", // X first
                "11010519491231002A", // a letter as check character
                "1101051949 231002X", // a space inside
                "110105-949123102X1", // a hyphen inside
                "11010519491231002*",
                "١١٠١٠٥١٩٤٩١٢٣١٠٠٢X" // Arabic-Indic digits: Character.isDigit says yes, we say no
        })
        void anythingButSeventeenDigitsAndADigitOrX(String raw) {
            refused(raw, "ID_CHARACTERS").hasMessage("证件号码应由17位数字和1位数字或大写X组成");
        }

        @ParameterizedTest
        @ValueSource(strings = {"00", "10", "16", "20", "24", "30", "38", "40", "47", "49", "55", "60", "66",
                "71", "81", "82", "83", "90", "91", "99"})
        void aRegionThatIsNoMainlandProvince(String province) {
            refused(residentId(province + "0000", "19900307", "123"), "ID_REGION")
                    .hasMessage("证件号码中的地区代码无效");
        }

        @Test
        void aResidencePermitNumberIsNoResidentIdNumber() {
            refused(residentId("810000", "19900307", "123"), "ID_REGION");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "19000229", // 1900 is not a leap year (divisible by 100, not by 400)
                "20230229", // 2023 is not a leap year
                "20230230",
                "20230431", // April has 30 days
                "20231301", // month 13
                "20230001", // month 0
                "20230100", // day 0
                "18991231", // before 1900-01-01
                "18800101",
                "20260316", // tomorrow
                "20301201", // future
                "99991231"
        })
        void aBirthDateThatIsNotARealPastDate(String yyyyMMdd) {
            refused(residentId("370102", yyyyMMdd, "123"), "ID_BIRTH_DATE").hasMessage("证件号码中的出生日期无效");
        }

        @Test
        void theStandardsOtherExampleIsBornBefore1900() {
            // GB 11643-1999's second example: correct check digit, born 1880-01-01
            refused("440524188001010014", "ID_BIRTH_DATE");
        }

        @Test
        void aWrongCheckCharacter() {
            refused(withWrongCheck("37010219900307123"), "ID_CHECK_DIGIT").hasMessage("证件号码校验位不正确，请核对");
        }

        @Test
        void aDigitWhereTheCheckCharacterIsX() {
            assertThat(withCheck("11010519491231002")).endsWith("X");
            refused("110105194912310020", "ID_CHECK_DIGIT");
        }

        @Test
        void anXWhereTheCheckCharacterIsADigit() {
            String valid = residentId("370102", "19900307", "123");
            refused(valid.substring(0, 17) + "X", "ID_CHECK_DIGIT");
        }

        @Test
        void twoSwappedDigits() {
            String valid = residentId("370102", "19900307", "123");
            String swapped = valid.substring(0, 14) + valid.charAt(15) + valid.charAt(14) + valid.substring(16);
            assertThat(swapped).isNotEqualTo(valid);
            refused(swapped, "ID_CHECK_DIGIT");
        }

        @Test
        void theMessageNeverContainsTheNumber() {
            String number = withWrongCheck("37010219900307123");
            assertThatThrownBy(() -> parse(number)).message().doesNotContain(number).doesNotContain("370102");
        }
    }

    @Nested
    class ResidencePermit {

        @ParameterizedTest
        @ValueSource(strings = {"810000", "820000", "830000"})
        void hongKongMacaoAndTaiwanRegions(String region) {
            String number = residentId(region, "19880808", "235");
            ResidentIdNumber permit = ResidentIdNumber.parseResidencePermit(number, TODAY);

            assertThat(permit.value()).isEqualTo(number);
            assertThat(permit.birthDate()).isEqualTo(LocalDate.of(1988, 8, 8));
            assertThat(permit.gender()).isEqualTo(Gender.MALE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"370102", "110105", "810001", "811000", "710000", "840000", "800000"})
        void anyOtherRegion(String region) {
            String number = residentId(region, "19880808", "235");
            assertThatThrownBy(() -> ResidentIdNumber.parseResidencePermit(number, TODAY))
                    .isInstanceOf(InvalidIdNumberException.class)
                    .hasFieldOrPropertyWithValue("code", "ID_REGION")
                    .hasMessage("港澳台居民居住证号码应以810000、820000或830000开头");
        }

        @Test
        void theOtherRulesApplyToo() {
            assertThatThrownBy(() -> ResidentIdNumber.parseResidencePermit("81000019880808235", TODAY))
                    .hasFieldOrPropertyWithValue("code", "ID_LENGTH").hasMessage("港澳台居民居住证号码应为18位");
            assertThatThrownBy(() -> ResidentIdNumber.parseResidencePermit(
                    residentId("810000", "19880230", "235"), TODAY))
                    .hasFieldOrPropertyWithValue("code", "ID_BIRTH_DATE");
            assertThatThrownBy(() -> ResidentIdNumber.parseResidencePermit(withWrongCheck("81000019880808235"), TODAY))
                    .hasFieldOrPropertyWithValue("code", "ID_CHECK_DIGIT");
        }
    }

    @Test
    void equalityAndAMaskedToString() {
        ResidentIdNumber id = parse("11010519491231002X");

        assertThat(id).isEqualTo(parse(" 11010519491231002X")).hasSameHashCodeAs(parse("11010519491231002X"));
        assertThat(id.toString()).isEqualTo("11**************2X");
    }
}
