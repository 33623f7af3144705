package org.baokao.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The fallback face for 生僻字 in names that Noto Sans SC lacks (CJK Extensions B to F, e.g. 𠮷 U+20BB7): Debian's
 * fonts-hanazono HanaMinB (GlyphWiki Project, SIL Open Font License 1.1), read from the machine where the service
 * runs (./baokao installs the package; the web build cuts the same font, docs/WEB.md "Fonts"). It is 30 MB, so it is
 * not packed in the jar, read only when a document first shows such a character, and kept for the JVM. Another file
 * may be named with the system property {@code baokao.pdf.rare-font}; without any, such characters print as
 * {@code ?} as before.
 */
final class RareHanFont {

    static final String PROPERTY = "baokao.pdf.rare-font";
    static final String DEBIAN = "/usr/share/fonts/truetype/hanazono/HanaMinB.ttf";

    private static byte[] loaded;
    private static boolean tried;

    private RareHanFont() {
    }

    static synchronized Optional<byte[]> bytes() {
        if (!tried) {
            tried = true;
            Path file = Path.of(System.getProperty(PROPERTY, DEBIAN));
            if (Files.isReadable(file)) {
                try {
                    loaded = Files.readAllBytes(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return Optional.ofNullable(loaded);
    }
}
