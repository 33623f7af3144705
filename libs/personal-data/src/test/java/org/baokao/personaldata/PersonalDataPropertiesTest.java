package org.baokao.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.baokao.personaldata.PersonalDataTestKeys.KEY_A;
import static org.baokao.personaldata.PersonalDataTestKeys.KEY_B;
import static org.baokao.personaldata.PersonalDataTestKeys.LOOKUP;
import static org.baokao.personaldata.PersonalDataTestKeys.base64;
import static org.baokao.personaldata.PersonalDataTestKeys.properties;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** ACC-10: the keys are checked when the service starts; a wrong setting is named, a key never printed. */
class PersonalDataPropertiesTest {

    final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PersonalDataAutoConfiguration.class));

    @Test
    void aCompleteConfigurationGivesAWorkingProtector() {
        context.withPropertyValues(
                        "baokao.personal-data.active-key-id=k2",
                        "baokao.personal-data.keys.k1=" + KEY_A,
                        "baokao.personal-data.keys.k2=" + KEY_B,
                        "baokao.personal-data.lookup-key=" + LOOKUP)
                .run(started -> {
                    assertThat(started).hasNotFailed();
                    PersonalDataProtector protector = started.getBean(PersonalDataProtector.class);
                    assertThat(protector.activeKeyId()).isEqualTo("k2");
                    assertThat(protector.open(protector.seal("张三"))).isEqualTo("张三");
                    assertThat(started.getBean(LookupHasher.class).hash("张三")).hasSize(64);
                    assertThat(started.getBean(PersonalDataProperties.class).keys()).containsOnlyKeys("k1", "k2");
                });
    }

    @Test
    void aServiceThatOnlySealsStartsWithoutALookupKey() {
        // enrollment-service: it seals roster names and finds nothing by hash
        context.withUserConfiguration(Sealing.class)
                .withPropertyValues(
                        "baokao.personal-data.active-key-id=k1",
                        "baokao.personal-data.keys.k1=" + KEY_A)
                .run(started -> {
                    assertThat(started).hasNotFailed();
                    PersonalDataProtector protector = started.getBean(Sealing.class).protector;
                    assertThat(protector.open(protector.seal("张三"))).isEqualTo("张三");
                });
    }

    @Test
    void aServiceThatFindsByHashDoesNotStartWithoutALookupKey() {
        // account-service: its repositories need the hasher while the service starts
        context.withUserConfiguration(Finding.class)
                .withPropertyValues(
                        "baokao.personal-data.active-key-id=k1",
                        "baokao.personal-data.keys.k1=" + KEY_A)
                .run(started -> assertThat(started).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("baokao.personal-data.lookup-key is missing"));
    }

    @Test
    void aWrongLookupKeyStopsEvenAServiceThatOnlySeals() {
        context.withUserConfiguration(Sealing.class)
                .withPropertyValues(
                        "baokao.personal-data.active-key-id=k1",
                        "baokao.personal-data.keys.k1=" + KEY_A,
                        "baokao.personal-data.lookup-key=" + base64(16, 3))
                .run(started -> assertThat(started).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("lookup-key must be at least 32 bytes"));
    }

    @Test
    void environmentVariablesAsDeploymentsSetThem() {
        // Map entries bind only from the canonical spelling (dashes dropped: PERSONALDATA); Boot lower-cases the
        // key id. Plain values bind from either spelling.
        Map<String, Object> environment = Map.of(
                "BAOKAO_PERSONAL_DATA_ACTIVE_KEY_ID", "compose1",
                "BAOKAO_PERSONALDATA_KEYS_COMPOSE1", KEY_A,
                "BAOKAO_PERSONALDATA_KEYS_COMPOSE0", KEY_B,
                "BAOKAO_PERSONALDATA_LOOKUPKEY", LOOKUP);
        context.withInitializer(started -> started.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment)))
                .run(started -> {
                    assertThat(started).hasNotFailed();
                    PersonalDataProperties properties = started.getBean(PersonalDataProperties.class);
                    assertThat(properties.activeKeyId()).isEqualTo("compose1");
                    assertThat(properties.keys()).containsOnlyKeys("compose1", "compose0");
                });
    }

    @Test
    void withoutAnyConfigurationTheServiceDoesNotStart() {
        context.run(started -> assertThat(started).hasFailed().getFailure()
                .rootCause().hasMessageContaining("baokao.personal-data.keys is missing"));
    }

    @Test
    void aShortKeyStopsTheStartAndNamesTheSetting() {
        context.withPropertyValues(
                        "baokao.personal-data.active-key-id=k1",
                        "baokao.personal-data.keys.k1=" + base64(16, 1),
                        "baokao.personal-data.lookup-key=" + LOOKUP)
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("baokao.personal-data.keys.k1 must be 32 bytes (AES-256)")
                        .hasMessageContaining("is 16 bytes")
                        .message().doesNotContain(base64(16, 1)));
    }

    @Test
    void everyMistakeHasItsOwnMessage() {
        Map<String, String> a = Map.of("k1", KEY_A);
        assertRefused(() -> properties("k1", Map.of(), LOOKUP), "baokao.personal-data.keys is missing");
        assertRefused(() -> new PersonalDataProperties("k1", null, LOOKUP), "baokao.personal-data.keys is missing");
        assertRefused(() -> properties(null, a, LOOKUP), "active-key-id is missing");
        assertRefused(() -> properties(" ", a, LOOKUP), "active-key-id is missing");
        assertRefused(() -> properties("k9", a, LOOKUP), "active-key-id 'k9' is not one of baokao.personal-data.keys [k1]");
        assertRefused(() -> properties("k1", Map.of("k1", base64(33, 1)), LOOKUP), "must be 32 bytes");
        assertRefused(() -> properties("k1", Map.of("k1", "not base64!"), LOOKUP), "keys.k1 is not valid base64");
        Map<String, String> nullKey = new HashMap<>();
        nullKey.put("k1", null);
        assertRefused(() -> properties("k1", nullKey, LOOKUP), "keys.k1 is missing");
        assertRefused(() -> properties("K1", Map.of("K1", KEY_A), LOOKUP), "key id 'K1' must be 1 to 32 lower-case");
        assertRefused(() -> properties("k.1", Map.of("k.1", KEY_A), LOOKUP), "key id 'k.1'");
        assertRefused(() -> new LookupHasher(properties("k1", a, null)), "lookup-key is missing");
        assertRefused(() -> properties("k1", a, base64(31, 3)), "lookup-key must be at least 32 bytes");
        assertRefused(() -> properties("k1", a, "%%%"), "lookup-key is not valid base64");
        assertRefused(() -> properties("k1", a, KEY_A), "lookup-key must differ from the encryption key");
    }

    @Test
    void aLongerLookupKeyAndSurroundingWhitespaceAreFine() {
        PersonalDataProperties properties = properties("k1", Map.of("k1", " " + KEY_A + "\n"), base64(64, 3) + " ");

        assertThat(new LookupHasher(properties).hash("x")).hasSize(64);
    }

    @Test
    void toStringNeverShowsKeyMaterial() {
        PersonalDataProperties properties = properties("k1", Map.of("k1", KEY_A), LOOKUP);

        assertThat(properties.toString()).contains("k1").doesNotContain(KEY_A).doesNotContain(LOOKUP);
    }

    private static void assertRefused(Runnable construction, String message) {
        assertThatThrownBy(construction::run).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Configuration(proxyBeanMethods = false)
    static class Sealing {

        final PersonalDataProtector protector;

        Sealing(PersonalDataProtector protector) {
            this.protector = protector;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Finding {

        @Bean
        String candidateFinder(LookupHasher hasher) {
            return hasher.hash("370102199003071234");
        }
    }
}
