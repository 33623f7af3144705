package org.baokao.account.demo;

import java.io.IOException;
import java.io.InputStream;

import org.baokao.account.bureau.Bureaus;
import org.baokao.account.existing.ExistingCandidateImports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * ./baokao up: a few 在籍考生 of 上海市教育考试院 (bureau {@code sh}, ACC-9), imported through the operators' own import
 * at every start (idempotent: later starts change nothing, and never reset a password a candidate changed). Each logs
 * in with the ID number or the 准考证号 and the initial password, the last 6 characters of the ID number. The ID
 * numbers are synthetic, valid by GB 11643; the universities and majors are those of the demo sitting SH-ZK-2026-10.
 */
@Component
@Profile("local")
class DemoExistingCandidates {

    static final String BUREAU = "sh";
    static final String FILE = "demo/existing-candidates-sh.csv";
    private static final Logger log = LoggerFactory.getLogger(DemoExistingCandidates.class);

    private final ExistingCandidateImports imports;
    private final Bureaus bureaus;

    DemoExistingCandidates(ExistingCandidateImports imports, Bureaus bureaus) {
        this.imports = imports;
        this.bureaus = bureaus;
    }

    /**
     * Once Shanghai's configuration has arrived from enrollment-service (BureauConfigured: the accounts are made for
     * its registration exam), which on a first start may be a little after this service is ready.
     */
    @EventListener(ApplicationReadyEvent.class)
    void load() {
        Thread.ofVirtual().name("demo-existing-candidates").start(() -> {
            try {
                for (int i = 0; bureaus.find(BUREAU).isEmpty(); i++) {
                    if (i == 150) {
                        log.warn("Bureau {} not configured after 5 minutes: demo 在籍考生 not imported", BUREAU);
                        return;
                    }
                    Thread.sleep(2000);
                }
                byte[] csv;
                try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
                    csv = in.readAllBytes();
                }
                var progress = imports.accept(BUREAU, new DemoRoster.InMemoryFile("existing-candidates-sh.csv", csv),
                        "demo");
                log.info("Demo 在籍考生 of {} queued for import ({})", BUREAU, progress.importId());
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            } catch (IOException | RuntimeException e) {
                log.warn("Demo 在籍考生 of {} not imported: {}", BUREAU, e.toString());
            }
        });
    }
}
