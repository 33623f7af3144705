package org.baokao.testkit.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

/** Each architecture rule catches its violation in a deliberately broken package and passes a clean one. */
class ServiceArchitectureRulesTest {

    private static final List<String> ELSEWHERE = List.of("org.baokao.archfixture.elsewhere");
    private final ServiceArchitecture broken = new ServiceArchitecture("org.baokao.archfixture.broken", ELSEWHERE);
    private final ServiceArchitecture clean = new ServiceArchitecture("org.baokao.archfixture.clean", ELSEWHERE);
    private final JavaClasses brokenClasses = testClasses(broken.root());
    private final JavaClasses cleanClasses = testClasses(clean.root());

    @Test
    void aCycleBetweenFeaturePackagesIsCaught() {
        assertThat(violations(broken.featurePackagesAreFreeOfCycles(), brokenClasses)).contains("Alpha", "Beta");
        assertThat(clean.featurePackagesAreFreeOfCycles().evaluate(cleanClasses).hasViolation()).isFalse();
    }

    @Test
    void aDomainModelThatSpeaksHttpIsCaught() {
        assertThat(violations(broken.domainModelIsPlainJava(), brokenClasses))
                .contains("SpringAwareRule", "org.springframework.http.HttpStatus");
        assertThat(clean.domainModelIsPlainJava().evaluate(cleanClasses).hasViolation()).isFalse();
    }

    @Test
    void aControllerWithSqlIsCaught() {
        assertThat(violations(broken.controllersHoldNoSql(), brokenClasses))
                .contains("SqlController", "java.sql.Connection");
        assertThat(clean.controllersHoldNoSql().evaluate(cleanClasses).hasViolation()).isFalse();
    }

    @Test
    void usingAnotherServicesClassIsCaught() {
        assertThat(violations(broken.usesNoOtherService(), brokenClasses)).contains("OtherServiceClass");
        assertThat(clean.usesNoOtherService().evaluate(cleanClasses).hasViolation()).isFalse();
    }

    @Test
    void onlyTheDeployablesAreServices() {
        assertThat(ServiceArchitecture.of("org.baokao.payment").otherServices())
                .contains("org.baokao.account", "org.baokao.photo").doesNotContain("org.baokao.payment");
        assertThatThrownBy(() -> ServiceArchitecture.of("org.baokao.events"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String violations(ArchRule rule, JavaClasses classes) {
        EvaluationResult result = rule.evaluate(classes);
        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        return String.join("\n", result.getFailureReport().getDetails());
    }

    private static JavaClasses testClasses(String root) {
        return new com.tngtech.archunit.core.importer.ClassFileImporter().importPackages(root);
    }
}
