package org.baokao.testkit.architecture;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;

/**
 * Each service's {@code ArchitectureTest} extends this with its root package; one test per rule, so a failure
 * names the rule and every offending dependency.
 */
public abstract class ServiceArchitectureTest {

    private final ServiceArchitecture service;
    private final JavaClasses classes;

    protected ServiceArchitectureTest(String rootPackage) {
        this.service = ServiceArchitecture.of(rootPackage);
        this.classes = service.mainClasses();
    }

    @Test
    void featurePackagesFormNoCycle() {
        service.featurePackagesAreFreeOfCycles().check(classes);
    }

    @Test
    void domainModelIsPlainJava() {
        service.domainModelIsPlainJava().check(classes);
    }

    @Test
    void controllersHoldNoSql() {
        service.controllersHoldNoSql().check(classes);
    }

    @Test
    void usesNoOtherService() {
        service.usesNoOtherService().check(classes);
    }
}
