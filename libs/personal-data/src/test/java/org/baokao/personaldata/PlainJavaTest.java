package org.baokao.personaldata;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The mechanism is plain Java: only its auto-configuration knows Spring, so any service or tool can use it. */
class PlainJavaTest {

    @Test
    void onlyTheAutoConfigurationUsesSpring() {
        noClasses().that().doNotBelongToAnyOf(PersonalDataAutoConfiguration.class)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.baokao.personaldata"));
    }
}
