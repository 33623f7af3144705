package org.baokao.account.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.baokao.testkit.Gb11643TestNumbers.fullWidth;
import static org.baokao.testkit.Gb11643TestNumbers.residentId;
import static org.baokao.testkit.Gb11643TestNumbers.withCheck;
import static org.baokao.testkit.Gb11643TestNumbers.withWrongCheck;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** ACC-1: one entry point for every ID type. */
class IdDocumentTest {

    /** 2026-03-15 10:00 in China. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-15T02:00:00Z"), ZoneOffset.UTC);

    static IdDocument parse(IdType type, String raw) {
        return IdDocument.parse(type, raw, CLOCK);
    }

    static AbstractThrowableAssert<?, ?> refused(IdType type, String raw, String code) {
        return assertThatThrownBy(() -> parse(type, raw))
                .isInstanceOf(InvalidIdNumberException.class)
                .hasFieldOrPropertyWithValue("code", code);
    }

    @Nested
    class ResidentId {

        @Test
        void carriesTheNumberTheBirthDateAndTheGender() {
            IdDocument document = parse(IdType.RESIDENT_ID, " 11010519491231002X ");

            assertThat(document.type()).isEqualTo(IdType.RESIDENT_ID);
            assertThat(document.number()).isEqualTo("11010519491231002X");
            assertThat(document.birthDate()).contains(LocalDate.of(1949, 12, 31));
            assertThat(document.gender()).contains(Gender.FEMALE);
        }

        @Test
        void usesTheResidentIdRules() {
            refused(IdType.RESIDENT_ID, "11010519491231002x", "ID_LOWERCASE_X");
            refused(IdType.RESIDENT_ID, residentId("810000", "19900307", "123"), "ID_REGION");
            refused(IdType.RESIDENT_ID, withWrongCheck("37010219900307123"), "ID_CHECK_DIGIT");
        }

        @Test
        void todayIsTheDateInChinaNotInUtc() {
            // 2026-03-14 17:30 UTC is already 2026-03-15 01:30 in China
            Clock lateEveningUtc = Clock.fixed(Instant.parse("2026-03-14T17:30:00Z"), ZoneOffset.UTC);
            String bornOnThe15th = residentId("310104", "20260315", "006");

            assertThat(IdDocument.parse(IdType.RESIDENT_ID, bornOnThe15th, lateEveningUtc).birthDate())
                    .contains(LocalDate.of(2026, 3, 15));

            Clock earlierUtc = Clock.fixed(Instant.parse("2026-03-14T15:30:00Z"), ZoneOffset.UTC); // 23:30 in China
            assertThatThrownBy(() -> IdDocument.parse(IdType.RESIDENT_ID, bornOnThe15th, earlierUtc))
                    .hasFieldOrPropertyWithValue("code", "ID_BIRTH_DATE");
        }

        @Test
        void theSystemClockVariantRefusesAFutureBirthDate() {
            String tomorrow = LocalDate.now(IdDocument.CHINA).plusDays(1).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
            assertThatThrownBy(() -> IdDocument.parse(IdType.RESIDENT_ID, residentId("370102", tomorrow, "123")))
                    .hasFieldOrPropertyWithValue("code", "ID_BIRTH_DATE");
            assertThat(IdDocument.parse(IdType.RESIDENT_ID, "11010519491231002X").number())
                    .isEqualTo("11010519491231002X");
        }
    }

    @Nested
    class ResidencePermit {

        @Test
        void aResidentIdShapedNumberFromHongKongMacaoOrTaiwan() {
            String number = residentId("830000", "19950505", "044");
            IdDocument document = parse(IdType.HMT_RESIDENCE_PERMIT, number);

            assertThat(document.number()).isEqualTo(number);
            assertThat(document.birthDate()).contains(LocalDate.of(1995, 5, 5));
            assertThat(document.gender()).contains(Gender.FEMALE);
        }

        @Test
        void aMainlandNumberIsNoResidencePermit() {
            refused(IdType.HMT_RESIDENCE_PERMIT, "11010519491231002X", "ID_REGION");
        }
    }

    @Nested
    class TravelPermit {

        @ParameterizedTest
        @ValueSource(strings = {"H12345678", "M12345678", "H1234567890", "M0987654321", "12345678"})
        void hongKongMacaoOrTaiwanFormats(String number) {
            IdDocument document = parse(IdType.HMT_TRAVEL_PERMIT, number);

            assertThat(document.number()).isEqualTo(number);
            assertThat(document.birthDate()).isEmpty();
            assertThat(document.gender()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"H1234567", "H123456789", "H12345678901", "A12345678", "T12345678", "1234567",
                "123456789", "1234567890", "HM12345678", "H1234567X", "H 12345678"})
        void anythingElse(String raw) {
            refused(IdType.HMT_TRAVEL_PERMIT, raw, "ID_FORMAT")
                    .hasMessage("港澳台胞证号码格式不正确：港澳居民为H或M加8位或10位数字，台湾居民为8位数字");
        }

        @Test
        void lowerCaseLettersAreNotUpperCased() {
            refused(IdType.HMT_TRAVEL_PERMIT, "h12345678", "ID_LOWERCASE").hasMessage("证件号码中的字母请使用大写");
        }

        @Test
        void fullWidthCharacters() {
            refused(IdType.HMT_TRAVEL_PERMIT, fullWidth("H12345678"), "ID_FULL_WIDTH");
        }
    }

    @Nested
    class ForeignPermanentResident {

        @Test
        void the2017FormatThreeLettersAndTwelveDigits() {
            assertThat(parse(IdType.FOREIGN_PERMANENT_RESIDENT, "USA110085061501").number())
                    .isEqualTo("USA110085061501");
        }

        @Test
        void the2023FormatEighteenCharactersStartingWith9() {
            String number = withCheck("93184019850615012");
            IdDocument document = parse(IdType.FOREIGN_PERMANENT_RESIDENT, number);

            assertThat(document.number()).isEqualTo(number);
            assertThat(document.birthDate()).isEmpty();
        }

        @Test
        void the2023FormatWithXAsCheckCharacter() {
            String number = null;
            for (int seq = 0; number == null || !number.endsWith("X"); seq++) {
                number = withCheck("9318401985061%04d".formatted(seq));
            }
            assertThat(parse(IdType.FOREIGN_PERMANENT_RESIDENT, number).number()).isEqualTo(number);
            refused(IdType.FOREIGN_PERMANENT_RESIDENT, number.substring(0, 17) + "x", "ID_LOWERCASE_X");
        }

        @Test
        void the2023FormatHasTheCheckCharacter() {
            refused(IdType.FOREIGN_PERMANENT_RESIDENT, withWrongCheck("93184019850615012"), "ID_CHECK_DIGIT")
                    .hasMessage("证件号码校验位不正确，请核对");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "US1100850615012", // 2 letters + 13 digits
                "USA11008506150", // 11 digits
                "USA1100850615012", // 13 digits
                "1USA10085061501",
                "11010519491231002X", // a resident ID: 18 characters not starting with 9
                "9318401985061501", // 16 characters
                "9318401985061501234", // 19 characters
                "93184019850615A12X"
        })
        void anythingElse(String raw) {
            refused(IdType.FOREIGN_PERMANENT_RESIDENT, raw, "ID_FORMAT")
                    .hasMessage("外国人永久居留身份证号码格式不正确：应为3位大写字母加12位数字，或以9开头的18位号码");
        }

        @Test
        void lowerCaseLetters() {
            refused(IdType.FOREIGN_PERMANENT_RESIDENT, "usa110085061501", "ID_LOWERCASE");
        }
    }

    @Nested
    class Passport {

        @ParameterizedTest
        @ValueSource(strings = {"E12345678", "EA1234567", "G1234", "P12345678901234AB", "123456789"})
        void fiveToSeventeenUpperCaseLettersOrDigits(String number) {
            IdDocument document = parse(IdType.PASSPORT, number);

            assertThat(document.number()).isEqualTo(number);
            assertThat(document.gender()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"E123", "P12345678901234ABC", "E1234-5678", "E 12345678", "E12345678é", "护照12345"})
        void anythingElse(String raw) {
            refused(IdType.PASSPORT, raw, "ID_FORMAT").hasMessage("护照号码应为5至17位大写字母或数字");
        }

        @Test
        void lowerCaseLetters() {
            refused(IdType.PASSPORT, "e12345678", "ID_LOWERCASE");
            refused(IdType.PASSPORT, "E1234567x", "ID_LOWERCASE_X");
        }

        @Test
        void surroundingWhitespaceIsTrimmedButFullWidthIsRefused() {
            assertThat(parse(IdType.PASSPORT, "\tE12345678 ").number()).isEqualTo("E12345678");
            refused(IdType.PASSPORT, "Ｅ12345678", "ID_FULL_WIDTH");
        }
    }

    @ParameterizedTest
    @EnumSource(IdType.class)
    void everyTypeRequiresANumber(IdType type) {
        refused(type, null, "ID_REQUIRED");
        refused(type, "  ", "ID_REQUIRED");
    }

    @Test
    void aTypeIsRequired() {
        assertThatThrownBy(() -> IdDocument.parse(null, "11010519491231002X", CLOCK))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void equalityIsTypeAndNumberAndToStringIsMasked() {
        IdDocument document = parse(IdType.PASSPORT, "E12345678");

        assertThat(document).isEqualTo(parse(IdType.PASSPORT, " E12345678"))
                .hasSameHashCodeAs(parse(IdType.PASSPORT, "E12345678"))
                .isNotEqualTo(parse(IdType.HMT_TRAVEL_PERMIT, "12345678"));
        assertThat(document.toString()).isEqualTo("PASSPORT E1*****78").doesNotContain("12345678");
    }
}
