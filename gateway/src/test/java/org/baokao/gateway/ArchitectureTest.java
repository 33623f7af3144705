package org.baokao.gateway;

import org.baokao.testkit.architecture.ServiceArchitectureTest;

/** gateway keeps the shape of docs/ARCHITECTURE.md: the rules are libs/test-kit's ServiceArchitecture. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("org.baokao.gateway");
    }
}
