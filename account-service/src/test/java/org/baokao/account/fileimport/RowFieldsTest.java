package org.baokao.account.fileimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.baokao.account.identity.IdType;
import org.baokao.tabular.ImportColumn;
import org.baokao.tabular.RowError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The cell rules every import shares (rosters, 在籍考生), one by one. */
class RowFieldsTest {

    @ParameterizedTest
    @ValueSource(strings = {"张三", "𠮷田", "阿卜杜·热合曼", "欧阳娜娜", "John Smith", "Jean-Pierre", "O'Neil",
            "玛丽・居里", "\uE000伟", "Zoë", "李"})
    void namesOfAnyScriptWithTheSeparatorsTheyUseAreAccepted(String name) {
        assertThat(nameProblem(name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"张3", "张３", "Li4"})
    void namesWithDigitsAreRefused(String name) {
        assertThat(nameProblem(name)).hasValueSatisfying(p -> assertThat(p[0]).isEqualTo("NAME_DIGITS"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"·张三", "张三·", "张··三", "张三!", "张@三", "张  三", "<b>"})
    void namesWithOtherSymbolsOrMisplacedSeparatorsAreRefused(String name) {
        assertThat(nameProblem(name))
                .hasValueSatisfying(p -> assertThat(p[0]).isEqualTo("NAME_CHARACTERS"));
    }

    @Test
    void aNameIsOneToFiftyCharactersCountingRareOnesOnce() {
        assertThat(nameProblem("𠮷".repeat(50))).isEmpty();
        assertThat(nameProblem("𠮷".repeat(51)))
                .hasValueSatisfying(p -> assertThat(p[0]).isEqualTo("NAME_TOO_LONG"));
        assertThat(nameProblem(""))
                .hasValueSatisfying(p -> assertThat(p[0]).isEqualTo("NAME_REQUIRED"));
    }

    @Test
    void idTypesAreKnownByTheirChineseNameOrCode() {
        assertThat(RowFields.idTypeNamed("居民身份证")).contains(IdType.RESIDENT_ID);
        assertThat(RowFields.idTypeNamed("身份证")).contains(IdType.RESIDENT_ID);
        assertThat(RowFields.idTypeNamed("港澳台居民居住证")).contains(IdType.HMT_RESIDENCE_PERMIT);
        assertThat(RowFields.idTypeNamed("护照")).contains(IdType.PASSPORT);
        assertThat(RowFields.idTypeNamed("passport")).contains(IdType.PASSPORT);
        assertThat(RowFields.idTypeNamed("军官证")).isEmpty();
    }

    /** {code, reason} of what is wrong with a name cell, or empty when it is fine. */
    private static Optional<String[]> nameProblem(String name) {
        List<RowError> errors = new ArrayList<>();
        String accepted = RowFields.name(2, Column.NAME, name, errors);
        if (errors.isEmpty()) {
            assertThat(accepted).isEqualTo(name.strip());
            return Optional.empty();
        }
        assertThat(errors).singleElement().satisfies(error -> assertThat(error.field()).isEqualTo("姓名"));
        return Optional.of(new String[] {errors.get(0).code(), errors.get(0).reason()});
    }

    private enum Column implements ImportColumn {
        NAME;

        @Override
        public String header() {
            return "姓名";
        }
    }
}
