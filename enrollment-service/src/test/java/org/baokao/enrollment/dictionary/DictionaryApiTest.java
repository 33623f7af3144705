package org.baokao.enrollment.dictionary;

import static org.assertj.core.api.Assertions.assertThat;

import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** ENR-3: the dictionaries are public, one endpoint each, cacheable. */
@ServiceTest
class DictionaryApiTest {

    @LocalServerPort
    int port;

    @Test
    void everyDictionaryIsReadableWithoutLoggingIn() {
        HttpProbe http = HttpProbe.onLocalPort(port);

        JsonNode index = http.get("/api/enrollments/public/dictionaries").json();
        assertThat(index.findValuesAsString("id")).containsExactly("political-statuses", "ethnicities",
                "foreign-languages", "candidate-categories", "educations", "occupations", "regions");
        for (JsonNode entry : index) {
            Answer dictionary = http.get(entry.path("path").asString());
            assertThat(dictionary.status()).as(entry.toString()).isEqualTo(200);
        }

        JsonNode ethnicities = http.get("/api/enrollments/public/dictionaries/ethnicities").json();
        assertThat(ethnicities.path("title").asString()).isEqualTo("民族");
        assertThat(ethnicities.path("entries").get(0).path("name").asString()).isEqualTo("汉族");

        Answer regions = http.get("/api/enrollments/public/dictionaries/regions");
        assertThat(regions.json().path("provinces").size()).isEqualTo(34);
        assertThat(regions.json().path("provinces").get(0).path("cities").get(2).path("name").asString())
                .isEqualTo("朝阳区");

        Answer unknown = http.get("/api/enrollments/public/dictionaries/zodiac-signs");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.problemCode()).isEqualTo("DICTIONARY_NOT_FOUND");
    }
}
