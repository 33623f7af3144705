package org.baokao.testkit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;

import org.baokao.domain.DomainModel;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The shape a service keeps, checked on its main classes by its {@code ArchitectureTest}
 * ({@link ServiceArchitectureTest}):
 * <ul>
 * <li>its feature packages ({@code <root>.<feature>}) form no cycle;</li>
 * <li>{@link DomainModel} types (aggregates, value objects, state machines, policies) are plain Java;</li>
 * <li>controllers hold no SQL: they call the feature's use cases and repositories;</li>
 * <li>it uses no other service's classes: services meet through events and HTTP only.</li>
 * </ul>
 */
public record ServiceArchitecture(String root, List<String> otherServices) {

    /** The root package of each deployable; the libs ({@code domain}, {@code events}, {@code messaging}...) are shared. */
    public static final List<String> SERVICES = List.of("org.baokao.account", "org.baokao.enrollment",
            "org.baokao.photo", "org.baokao.payment", "org.baokao.notification", "org.baokao.gateway",
            "org.baokao.sandbox");

    public static ServiceArchitecture of(String root) {
        if (!SERVICES.contains(root)) {
            throw new IllegalArgumentException(root + " is not one of " + SERVICES);
        }
        return new ServiceArchitecture(root, SERVICES.stream().filter(other -> !other.equals(root)).toList());
    }

    /** The service's own main classes (tests and jars excluded). */
    public JavaClasses mainClasses() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages(root);
    }

    public ArchRule featurePackagesAreFreeOfCycles() {
        return slices().matching(root + ".(*)..").namingSlices("$1").should().beFreeOfCycles()
                .because("a feature that needs another's internals in return is one feature cut in two");
    }

    public ArchRule domainModelIsPlainJava() {
        return noClasses().that().areAnnotatedWith(DomainModel.class).should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "tools.jackson..", "com.fasterxml.jackson..",
                        "jakarta.servlet..", "jakarta.persistence..", "org.baokao.web..", "java.sql..",
                        "javax.sql..", "org.apache.kafka..", "org.baokao.messaging..")
                .allowEmptyShould(true)
                .because("rules are read and tested without the framework; they refuse with org.baokao.domain.Refusal");
    }

    public ArchRule controllersHoldNoSql() {
        return noClasses().that().areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .or().areAnnotatedWith("org.springframework.stereotype.Controller")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..",
                        "javax.sql..")
                .allowEmptyShould(true)
                .because("SQL belongs in the feature's repository, where it is written and tested once");
    }

    public ArchRule usesNoOtherService() {
        return noClasses().should().dependOnClassesThat()
                .resideInAnyPackage(otherServices.stream().map(other -> other + "..").toArray(String[]::new))
                .because("services meet through events and HTTP, never through each other's classes");
    }
}
