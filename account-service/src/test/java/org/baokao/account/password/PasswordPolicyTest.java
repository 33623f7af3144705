package org.baokao.account.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.baokao.domain.Refusal;
import org.junit.jupiter.api.Test;

/** ACC-4 with BUR-1: the password rule is the bureau's, lengths and how many character classes it needs. */
class PasswordPolicyTest {

    static final PasswordPolicy SHANDONG = new PasswordPolicy(8, 16, 4);
    static final PasswordPolicy SHANGHAI = new PasswordPolicy(6, 16, 1);

    @Test
    void shanghaiTakesSixToSixteenCharactersOfAnyKind() {
        for (String password : new String[] { "abcdef", "123456", "abc def", "上海自考密码", "sixteen chars 16" }) {
            assertThatCode(() -> SHANGHAI.check(password, password)).as(password).doesNotThrowAnyException();
        }
        for (String password : new String[] { "abcde", "12345678901234567", "上海自考" }) {
            assertThatThrownBy(() -> SHANGHAI.check(password, password)).as(password)
                    .isInstanceOfSatisfying(Refusal.class, refused -> {
                        assertThat(refused.code()).isEqualTo("PASSWORD_WEAK");
                        assertThat(refused.getMessage()).isEqualTo("密码长度为6-16位");
                    });
        }
    }

    @Test
    void shandongStillNeedsAllFourClassesInPrintableAscii() {
        for (String password : new String[] { "abcdefgh", "Abcdefg1", "Abcdefg!", "Abc defg1!", "含中文Abc123!" }) {
            assertThatThrownBy(() -> SHANDONG.check(password, password)).as(password)
                    .isInstanceOfSatisfying(Refusal.class, refused -> assertThat(refused.getMessage())
                            .isEqualTo("密码为8-16位，必须包含数字、大写字母、小写字母和特殊字符，不能包含空格或中文"));
        }
        assertThatCode(() -> SHANDONG.check("Baokao@2026", "Baokao@2026")).doesNotThrowAnyException();
    }

    @Test
    void aRuleOfSomeClassesCountsThem() {
        PasswordPolicy threeOfFour = new PasswordPolicy(8, 20, 3);

        assertThatCode(() -> threeOfFour.check("abcdefG1", "abcdefG1")).doesNotThrowAnyException();
        assertThatThrownBy(() -> threeOfFour.check("abcdefg1", "abcdefg1"))
                .isInstanceOfSatisfying(Refusal.class, refused -> assertThat(refused.getMessage())
                        .isEqualTo("密码为8-20位，须包含数字、大写字母、小写字母、特殊字符中的至少3种，不能包含空格或中文"));
    }

    @Test
    void aMismatchOrNothingIsRefusedWhateverTheRule() {
        assertThatThrownBy(() -> SHANGHAI.check("abcdef", "abcdeg")).isInstanceOfSatisfying(Refusal.class,
                refused -> assertThat(refused.code()).isEqualTo("PASSWORD_MISMATCH"));
        assertThatThrownBy(() -> SHANGHAI.check("", "")).isInstanceOfSatisfying(Refusal.class,
                refused -> assertThat(refused.code()).isEqualTo("PASSWORD_REQUIRED"));
    }
}
