package org.baokao.payment;

import org.baokao.testkit.architecture.ServiceArchitectureTest;

/** payment-service keeps the shape of docs/ARCHITECTURE.md: the rules are libs/test-kit's ServiceArchitecture. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("org.baokao.payment");
    }
}
