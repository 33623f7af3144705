package org.baokao.account.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.baokao.account.roster.RosterImports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * ./baokao up: the roster of the demo Shandong exam (the registration exam of bureau {@code sd}), imported through
 * the operators' own import at every start (the import is idempotent, so later starts change nothing). The ID
 * numbers are synthetic, valid by GB 11643.
 */
@Component
@Profile("local")
class DemoRoster {

    static final String EXAM = "SD-ZSB-2023";
    static final String FILE = "demo/roster-" + EXAM + ".csv";
    private static final Logger log = LoggerFactory.getLogger(DemoRoster.class);

    private final RosterImports imports;

    DemoRoster(RosterImports imports) {
        this.imports = imports;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() throws IOException {
        byte[] csv;
        try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
            csv = in.readAllBytes();
        }
        var progress = imports.accept("sd", EXAM, new InMemoryFile("roster-" + EXAM + ".csv", csv), "demo");
        log.info("Demo roster of {} queued for import ({})", EXAM, progress.importId());
    }

    /** The imports take uploads; this is a demo file as one. */
    record InMemoryFile(String name, byte[] content) implements MultipartFile {

        @Override
        public String getName() {
            return "file";
        }

        @Override
        public String getOriginalFilename() {
            return name;
        }

        @Override
        public String getContentType() {
            return "text/csv";
        }

        @Override
        public boolean isEmpty() {
            return content.length == 0;
        }

        @Override
        public long getSize() {
            return content.length;
        }

        @Override
        public byte[] getBytes() {
            return content.clone();
        }

        @Override
        public InputStream getInputStream() {
            return new java.io.ByteArrayInputStream(content);
        }

        @Override
        public void transferTo(java.io.File destination) throws IOException {
            Files.write(destination.toPath(), content);
        }

        @Override
        public void transferTo(Path destination) throws IOException {
            Files.write(destination, content);
        }
    }
}
