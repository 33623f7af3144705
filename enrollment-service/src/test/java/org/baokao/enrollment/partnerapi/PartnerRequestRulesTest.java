package org.baokao.enrollment.partnerapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.baokao.enrollment.wizard.EnrollmentStatus;
import org.junit.jupiter.api.Test;

/** API-1: how the partner API reads what a partner sends (plain Java): the candidate named, the page asked for. */
class PartnerRequestRulesTest {

    @Test
    void api1_anIdNumberIsNormalisedAsAccountServiceHashedIt() {
        assertThat(CandidateQuery.normalizeIdNumber(" 370102 19900307 123x\u3000")).isEqualTo("37010219900307123X");
        assertThat(CandidateQuery.normalizeIdNumber("３７０１０２１９９００３０７１２３ｘ")).isEqualTo("37010219900307123X");
        assertThat(CandidateQuery.of("PASSPORT", "e1234 5678", "Li Na").idNumber()).isEqualTo("E12345678");
    }

    @Test
    void api1_aNameMatchesWhateverItsSpacesWidthOrSeparatorDot() {
        CandidateQuery query = CandidateQuery.of("RESIDENT_ID", "37010219900307123X", " 阿卜杜・热合曼 ");

        assertThat(query.isNamed("阿卜杜·热合曼")).isTrue();
        assertThat(query.isNamed("阿卜杜•热合曼")).isTrue();
        assertThat(query.isNamed("阿卜杜热合曼")).isFalse();
        assertThat(query.isNamed(null)).isFalse();
        assertThat(CandidateQuery.of("PASSPORT", "E12345678", "ＬＩ  Ｎａ").isNamed("LI Na")).isTrue();
    }

    @Test
    void api1_whatCannotNameAnyoneIsRefusedWithAStableCode() {
        assertRefused(() -> CandidateQuery.of(null, "37010219900307123X", "张三"), "ID_TYPE_REQUIRED");
        assertRefused(() -> CandidateQuery.of("ID_CARD", "37010219900307123X", "张三"), "ID_TYPE_INVALID");
        assertRefused(() -> CandidateQuery.of("RESIDENT_ID", " ", "张三"), "ID_NUMBER_REQUIRED");
        assertRefused(() -> CandidateQuery.of("RESIDENT_ID", "37010219900307123", "张三"), "ID_NUMBER_INVALID");
        assertRefused(() -> CandidateQuery.of("RESIDENT_ID", "3701021990030712XX", "张三"), "ID_NUMBER_INVALID");
        assertRefused(() -> CandidateQuery.of("PASSPORT", "E12-345", "张三"), "ID_NUMBER_INVALID");
        assertRefused(() -> CandidateQuery.of("RESIDENT_ID", "37010219900307123X", "\u3000"), "NAME_REQUIRED");
        assertRefused(() -> CandidateQuery.of("RESIDENT_ID", "37010219900307123X", "名".repeat(51)),
                "NAME_TOO_LONG");
    }

    @Test
    void api1_aQueryNeverPrintsTheNumberOrTheName() {
        CandidateQuery query = CandidateQuery.of("RESIDENT_ID", "37010219900307123X", "张三丰");

        assertThat(query.toString()).doesNotContain("37010219900307123X").doesNotContain("张三丰");
        assertThat(query.maskedIdNumber()).isEqualTo("37**************3X");
    }

    @Test
    void api1_aCursorDecodesToWhatWasEncodedForTheSameExamOnly() {
        UUID id = UUID.randomUUID();
        EnrollmentCursor cursor = EnrollmentCursor.start("SD-ZSB-2023", 900).after(812, id);

        EnrollmentCursor decoded = EnrollmentCursor.decode(cursor.encode(), "SD-ZSB-2023");

        assertThat(decoded).isEqualTo(new EnrollmentCursor("SD-ZSB-2023", 812, id, 900));
        assertThat(cursor.encode()).doesNotContain("=").doesNotContain("+").doesNotContain("/");
        assertThat(decoded.resumable().hasHorizon()).isFalse();
        assertInvalidCursor(() -> EnrollmentCursor.decode(cursor.encode(), "SD-ZSB-2024"));
    }

    @Test
    void api1_aCursorOfAnyOtherShapeIsInvalid() {
        String id = UUID.randomUUID().toString();
        for (String text : new String[] { "2|812|" + id + "|900|X", "1|-1|" + id + "|900|X", "1|812|" + id + "|X",
                "1|812|not-a-uuid|900|X", "1|99999999999999999999|" + id + "|900|X", "1|812|" + id + "|9x|X" }) {
            String encoded = Base64.getUrlEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
            assertInvalidCursor(() -> EnrollmentCursor.decode(encoded, "X"));
        }
        assertInvalidCursor(() -> EnrollmentCursor.decode("%%%", "X"));
        assertInvalidCursor(() -> EnrollmentCursor.decode("", "X"));
        assertInvalidCursor(() -> EnrollmentCursor.decode("QQ".repeat(300), "X"));
    }

    @Test
    void api1_aPageQueryReadsItsFiltersInBeijingTime() {
        EnrollmentPageQuery query = EnrollmentPageQuery.of("X", "COMPLETED", "2026-03-10", "2026-03-11", "20", null);

        assertThat(query.status()).isEqualTo(EnrollmentStatus.COMPLETED);
        assertThat(query.registeredFrom()).isEqualTo(Instant.parse("2026-03-09T16:00:00Z"));
        assertThat(query.registeredTo()).isEqualTo(Instant.parse("2026-03-11T16:00:00Z"));
        assertThat(query.limit()).isEqualTo(20);
        assertThat(query.cursor()).isNull();
        assertThat(EnrollmentPageQuery.of("X", null, null, null, null, "").limit()).isEqualTo(50);
    }

    @Test
    void api1_thePageSizeIsAtMost200() {
        assertThat(EnrollmentPageQuery.of("X", null, null, null, "200", null).limit()).isEqualTo(200);
        assertRefused(() -> EnrollmentPageQuery.of("X", null, null, null, "201", null), "PAGE_SIZE_TOO_LARGE");
        assertRefused(() -> EnrollmentPageQuery.of("X", null, null, null, "0", null), "PAGE_SIZE_INVALID");
        assertRefused(() -> EnrollmentPageQuery.of("X", null, null, null, "-3", null), "PAGE_SIZE_INVALID");
        assertRefused(() -> EnrollmentPageQuery.of("X", "PAID", null, null, null, null), "STATUS_INVALID");
        assertRefused(() -> EnrollmentPageQuery.of("X", null, "2026/03/01", null, null, null), "DATE_INVALID");
        assertRefused(() -> EnrollmentPageQuery.of("X", null, "2026-03-02", "2026-03-01", null, null),
                "DATE_RANGE_INVALID");
    }

    private static void assertInvalidCursor(org.assertj.core.api.ThrowableAssert.ThrowingCallable decode) {
        assertRefused(decode, "INVALID_CURSOR");
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOf(Refusal.class)
                .satisfies(e -> assertThat(((Refusal) e).code()).isEqualTo(code))
                .satisfies(e -> assertThat(((Refusal) e).kind()).isEqualTo(Refusal.Kind.INVALID));
    }
}
