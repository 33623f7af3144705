package org.baokao.account.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** ACC-1: the enum and the id_type table name the same five documents. */
class IdTypeTest {

    @Test
    void codesAndNamesMatchTheIdTypeTable() throws IOException {
        String migration;
        try (InputStream in = getClass().getResourceAsStream("/db/migration/V1__id_type.sql")) {
            assertThat(in).as("V1__id_type.sql on the class path").isNotNull();
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> table = new LinkedHashMap<>();
        Matcher row = Pattern.compile("\\('([A-Z_]+)',\\s*'([^']+)'").matcher(migration);
        while (row.find()) {
            table.put(row.group(1), row.group(2));
        }

        Map<String, String> enumeration = new LinkedHashMap<>();
        for (IdType type : IdType.values()) {
            enumeration.put(type.code(), type.displayName());
        }
        assertThat(enumeration).containsExactlyEntriesOf(table);
    }

    @Test
    void fromCodeIsExact() {
        assertThat(IdType.fromCode("PASSPORT")).contains(IdType.PASSPORT);
        assertThat(IdType.fromCode("passport")).isEmpty();
        assertThat(IdType.fromCode("ID_CARD")).isEmpty();
        assertThat(IdType.fromCode(null)).isEmpty();
    }

    @Test
    void onlyTheGb11643ShapedTypesCarryBirthDateAndGender() {
        assertThat(IdType.RESIDENT_ID.carriesBirthDateAndGender()).isTrue();
        assertThat(IdType.HMT_RESIDENCE_PERMIT.carriesBirthDateAndGender()).isTrue();
        assertThat(IdType.HMT_TRAVEL_PERMIT.carriesBirthDateAndGender()).isFalse();
        assertThat(IdType.FOREIGN_PERMANENT_RESIDENT.carriesBirthDateAndGender()).isFalse();
        assertThat(IdType.PASSPORT.carriesBirthDateAndGender()).isFalse();
    }
}
