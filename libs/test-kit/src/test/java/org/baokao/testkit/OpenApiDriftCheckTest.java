package org.baokao.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.json.JsonMapper;

/**
 * API-1: how a drifted OpenAPI document is reported, and the layout the checked-in copies have. (Not named
 * OpenApiDriftTest: {@code ./baokao openapi} runs the services' tests of that name in write mode.)
 */
class OpenApiDriftCheckTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String CHECKED_IN = """
            {"paths": {"/open-api/v1/exams": {"get": {"parameters": [{"name": "kind", "in": "query"}],
             "responses": {"200": {"description": "OK"}}}}}, "openapi": "3.1.0"}""";

    @TempDir
    Path dir;

    @Test
    void aRenamedParameterIsNamedWhereItChanged() {
        String renamed = CHECKED_IN.replace("\"kind\"", "\"type\"");

        assertThat(OpenApiDrift.firstDifference(JSON.readTree(CHECKED_IN), JSON.readTree(renamed), "$"))
                .contains("$[\"paths\"][\"/open-api/v1/exams\"][\"get\"][\"parameters\"][0][\"name\"]:"
                        + " checked in \"kind\", generated \"type\"");
    }

    @Test
    void anAddedEndpointIsNamed() {
        String added = CHECKED_IN.replace("\"paths\": {", "\"paths\": {\"/open-api/v1/verifications\": {},");

        assertThat(OpenApiDrift.firstDifference(JSON.readTree(CHECKED_IN), JSON.readTree(added), "$"))
                .contains("$[\"paths\"][\"/open-api/v1/verifications\"]: added (not in the checked-in copy)");
    }

    @Test
    void theSameDocumentInAnotherKeyOrderIsNoDrift() {
        String reordered = """
                {"openapi": "3.1.0", "paths": {"/open-api/v1/exams": {"get": {
                 "responses": {"200": {"description": "OK"}}, "parameters": [{"in": "query", "name": "kind"}]}}}}""";

        assertThat(OpenApiDrift.firstDifference(JSON.readTree(CHECKED_IN), JSON.readTree(reordered), "$")).isEmpty();
        assertThat(OpenApiDrift.canonical(JSON.readTree(reordered)))
                .isEqualTo(OpenApiDrift.canonical(JSON.readTree(CHECKED_IN)));
    }

    @Test
    void theCopyIsSortedAndIndentedForReadableDiffs() {
        assertThat(OpenApiDrift.canonical(JSON.readTree("{\"b\": [1, {\"d\": \"中文\", \"c\": []}], \"a\": {}}")))
                .isEqualTo("""
                        {
                          "a": {},
                          "b": [
                            1,
                            {
                              "c": [],
                              "d": "中文"
                            }
                          ]
                        }
                        """);
    }

    @Test
    void aDifferenceFailsWithHowToUpdateAndAMissingCopyToo() throws Exception {
        String configured = System.getProperty(OpenApiDrift.DIR);
        String writing = System.getProperty(OpenApiDrift.WRITE);
        System.setProperty(OpenApiDrift.DIR, dir.toString());
        System.clearProperty(OpenApiDrift.WRITE);
        try {
            assertThatThrownBy(() -> OpenApiDrift.of("sample").check(CHECKED_IN))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("./baokao openapi");
            Files.writeString(dir.resolve("sample.json"), OpenApiDrift.canonical(JSON.readTree(CHECKED_IN)));
            OpenApiDrift.of("sample").check(CHECKED_IN);
            assertThatThrownBy(() -> OpenApiDrift.of("sample").check(CHECKED_IN.replace("kind", "type")))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("differs from the checked-in sample.json")
                    .hasMessageContaining("[\"name\"]: checked in \"kind\", generated \"type\"")
                    .hasMessageContaining("run ./baokao openapi");
        } finally {
            if (writing != null) {
                System.setProperty(OpenApiDrift.WRITE, writing);
            }
            if (configured == null) {
                System.clearProperty(OpenApiDrift.DIR);
            } else {
                System.setProperty(OpenApiDrift.DIR, configured);
            }
        }
    }
}
